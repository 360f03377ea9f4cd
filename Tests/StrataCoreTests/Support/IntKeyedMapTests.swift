import Testing
@testable import StrataCore

@Suite struct IntKeyedMapTests {
    @Test func behavesLikeADictionaryThroughGrowth() {
        var map = IntKeyedMap<Double>()
        var reference: [Int32: Double] = [:]
        var rng = Xoshiro256StarStar(seed: 5)
        for _ in 0..<5_000 {
            let key = Int32(rng.nextIndex(below: 3_000))
            let value = rng.nextUnit()
            map.set(key, value)
            reference[key] = value
        }
        #expect(map.count == reference.count)
        for (key, value) in reference { #expect(map[key] == value) }
        #expect(map[3_001] == nil)
        #expect(map.value(3_001) == 0)
        var visited = 0
        map.forEach { key, value in
            visited += 1
            #expect(reference[key] == value)
        }
        #expect(visited == reference.count)
    }

    @Test func forEachVisitsInInsertionOrderThroughGrowth() {
        var map = IntKeyedMap<Double>()
        var rng = Xoshiro256StarStar(seed: 8)
        var order: [Int32] = []
        var latest: [Int32: Double] = [:]
        for step in 0..<2_000 {
            let key = Int32(rng.nextIndex(below: 1_500))
            if latest[key] == nil { order.append(key) }
            latest[key] = Double(step)
            map.set(key, Double(step))
        }
        var visited: [(Int32, Double)] = []
        map.forEach { visited.append(($0, $1)) }
        #expect(visited.map(\.0) == order)
        #expect(visited.allSatisfy { latest[$0.0] == $0.1 })
        #expect(map.orderedKeys == order)
    }

    @Test func scaleAllMultipliesEveryValue() {
        var map = IntKeyedMap<Double>()
        map.set(1, 2); map.set(9, -4)
        map.scaleAll(by: 0.5)
        #expect(map[1] == 1 && map[9] == -2)
    }
}
