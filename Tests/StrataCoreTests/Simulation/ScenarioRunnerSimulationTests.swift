import Testing
@testable import StrataCore

@Suite struct ScenarioRunnerSimulationTests {
    @Test func sameSeedGivesTheSameStream() throws {
        let a = try Scenario.demo.makeDataset(), b = try Scenario.demo.makeDataset()
        #expect(a.events == b.events)
        #expect(a.events.map { $0.value?.bitPattern } == b.events.map { $0.value?.bitPattern })
        #expect(a.fingerprint == "scenario:demo:seed=2024" && a.fingerprint == b.fingerprint)
    }

    @Test func differentSeedGivesADifferentStream() throws {
        var other = Scenario.demo
        other.seed = 2025
        let a = try Scenario.demo.makeDataset(), b = try other.makeDataset()
        #expect(a.events != b.events)
        #expect(b.fingerprint == "scenario:demo:seed=2025")
    }

    /// A golden digest of the demo stream. It catches any dependence on per-process state
    /// (Dictionary order, Hasher seeds) across runs; update it only when the demo or the
    /// choice model changes on purpose.
    @Test func demoStreamDigestIsStable() throws {
        let events = try Scenario.demo.makeDataset().events
        #expect(Self.digest(events) == Self.demoDigest, "digest \(String(Self.digest(events), radix: 16))")
    }

    static let demoDigest: UInt64 = 9_855_487_243_538_164_883

    /// FNV-1a over (time, user, item, action, rating bits).
    static func digest(_ events: some Collection<Event>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ value: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) {
                hash ^= (value >> UInt64(shift)) & 0xFF
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        for event in events {
            mix(UInt64(bitPattern: event.time))
            mix(UInt64(event.user))
            mix(UInt64(event.item))
            mix(UInt64(Action.allCases.firstIndex(of: event.action) ?? 99))
            mix(event.value?.bitPattern ?? 0xFFFF)
        }
        return hash
    }

    @Test func timesAreStepNumbersAndEveryUserMakesItsEvents() throws {
        let world = try ScenarioWorld(scenario: .demo)
        let dataset = world.makeDataset()
        #expect(dataset.events.map(\.time) == (1...Int64(world.totalEvents)).map { $0 })
        for user in 0..<world.userCount {
            #expect(dataset.events.filter { $0.user == user }.count == world.plannedEvents[user])
        }
        #expect(dataset.userIDs == world.userIDs)
        #expect(dataset.catalogue.count == world.catalogue.count)
        #expect(dataset.events.allSatisfy { $0.action != .rate || ($0.value.map { (1...5).contains($0) } ?? false) })
        #expect(dataset.events.allSatisfy { $0.action != .accept && $0.action != .reject })
    }

    @Test func usersAreInterleaved() throws {
        let events = try Scenario.demo.makeDataset().events
        let firstHundredUsers = Set(events.prefix(100).map(\.user))
        #expect(firstHundredUsers.count == Scenario.demo.users.count)
    }

    @Test func steppingWithEmptySlatesMatchesTheHeadlessRun() throws {
        var runner = try ScenarioRunner(scenario: .demo)
        var stepped: [Event] = []
        #expect(runner.upcomingUser != nil)
        while let event = runner.step(showing: []) { stepped.append(event) }
        #expect(runner.isFinished && runner.upcomingUser == nil)
        #expect(stepped == Array(try Scenario.demo.makeDataset().events))
        #expect(runner.step() == nil)
    }

    @Test func slatesAndAutopilotAreDeterministic() throws {
        func drive() throws -> ([Event], [Action]) {
            var runner = try ScenarioRunner(scenario: .demo)
            var events: [Event] = []
            var answers: [Action] = []
            for step in 0..<300 {
                guard let user = runner.upcomingUser else { break }
                let slate = (0..<5).map { (step * 7 + $0 * 31) % runner.world.catalogue.count }
                answers.append(runner.respond(user: user, to: slate[0]))
                if let event = runner.step(showing: slate) { events.append(event) }
            }
            return (events, answers)
        }
        let (a, answersA) = try drive(), (b, answersB) = try drive()
        #expect(a == b && answersA == answersB)
        #expect(answersA.contains(.accept) && answersA.contains(.reject))
        #expect(answersA.allSatisfy { $0 == .accept || $0 == .reject })
    }

    @Test func driftingUserFollowsTheirTrueInterests() throws {
        // cleo (demo user 2) moves 70 % from Sci-Fi to Romance over events 400–600.
        let world = try ScenarioWorld(scenario: .demo)
        let events = world.makeDataset().events.filter { $0.user == 2 }
        let taxonomy = world.catalogue.taxonomy
        let sciFi = try #require(taxonomy.existingNode(forPath: ["Sci-Fi"]))
        let romance = try #require(taxonomy.existingNode(forPath: ["Romance"]))
        func share(_ node: NodeIndex, _ slice: some Collection<Event>) -> Double {
            Double(slice.filter { world.catalogue.topLevelNodes[$0.item].contains(node) }.count) / Double(slice.count)
        }
        let early = events[0..<400], late = events[700...]
        #expect(share(sciFi, early) > 0.5 && share(sciFi, late) < 0.35)
        #expect(share(romance, early) < 0.1 && share(romance, late) > 0.35)
    }
}
