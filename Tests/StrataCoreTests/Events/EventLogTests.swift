import Testing
@testable import StrataCore

/// The packed event log (issue 9, item 3): 24 bytes an event, and every event read back bit
/// for bit as it was stored.
@Suite("Event log: packed events")
struct EventLogTests {
    /// A deterministic stream with every action, absent and present values (including -0,
    /// subnormals and infinities, which the log stores even though readers refuse them).
    static func events(count: Int, seed: UInt64) -> [Event] {
        var random = Xoshiro256StarStar(seed: seed)
        let values: [Double?] = [nil, 4, 0.5, -0.0, 1e-310, .infinity, -3.25, 1e300]
        return (0..<count).map { _ in
            Event(time: Int64(bitPattern: random.next() % 1_000) - 500,
                  user: Int(random.next() % 100_000),
                  item: Int(random.next() % UInt64(EventLog.maximumItems)),
                  action: Action.allCases[Int(random.next() % UInt64(Action.allCases.count))],
                  value: values[Int(random.next() % UInt64(values.count))])
        }
    }

    @Test("24 bytes an event; every field comes back bit for bit")
    func roundTrip() {
        #expect(MemoryLayout<EventLog.Packed>.stride == 24)
        let events = Self.events(count: 5_000, seed: 1)
        let log = EventLog(events)
        #expect(log.count == events.count)
        for (stored, original) in zip(log, events) {
            #expect(stored.time == original.time && stored.user == original.user && stored.item == original.item)
            #expect(stored.action == original.action)
            #expect(stored.value?.bitPattern == original.value?.bitPattern)
        }
        #expect(Array(log) == events)
        // The largest indices it holds.
        let edge = Event(time: .min, user: EventLog.maximumUsers - 1, item: EventLog.maximumItems - 1, action: .reject, value: .nan)
        let back = EventLog([edge])[0]
        #expect(back.time == .min && back.user == edge.user && back.item == edge.item && back.action == .reject)
        #expect(back.value?.isNaN == true)
    }

    @Test("every action has its own 4-bit code")
    func actionCodes() {
        #expect(Set(Action.allCases.map(\.code)).count == Action.allCases.count)
        for action in Action.allCases {
            #expect(action.code < 16)
            #expect(Action(code: action.code) == action)
        }
    }

    @Test("it is an array of events: append, replace, assign, slice")
    func collection() {
        let events = Self.events(count: 100, seed: 2)
        var log: EventLog = []
        for event in events { log.append(event) }
        #expect(Array(log) == events)
        log[3] = events[7]
        #expect(log[3] == events[7])
        log.replaceSubrange(0..<2, with: events[50..<55])
        #expect(Array(log.prefix(5)) == Array(events[50..<55]))
        // Now e50…e54, e2, e7 (assigned at 3), e4, e5, …
        #expect(Array(log[5..<10]) == [events[2], events[7]] + Array(events[4..<7]))
        log.removeAll()
        #expect(log.isEmpty)
    }

    @Test("the in-place sort by time is stable, as Array's is")
    func stableSort() {
        let events = Self.events(count: 20_000, seed: 3)
        var log = EventLog(events)
        log.stableSortByTime()
        // Array's sort is documented stable: equal times keep their order.
        #expect(Array(log) == events.sorted { $0.time < $1.time })
        var renumbered = log
        renumbered.renumberUsers { $0 + 1 }
        #expect(zip(renumbered, log).allSatisfy { $0.user == $1.user + 1 && $0.item == $1.item && $0.time == $1.time })
        #expect(Array(log.gathered([2, 0, 1])) == [log[2], log[0], log[1]])
    }
}
