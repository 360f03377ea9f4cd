/// Drives a scenario's users into one event stream (SPEC §5): headless (`run()`) or one event
/// at a time with an optional slate, so the explorer can show recommendations and let the
/// simulated user choose from them (Docs/scenarios.md §6).
///
/// Event times are global step numbers 1, 2, 3, … With several users, who acts next is drawn
/// from the `schedule` stream with probability proportional to each user's remaining events,
/// so all users finish at about the same time. Same scenario and seed ⇒ the same stream, bit
/// for bit (no dictionary order, no clock, no global RNG).
public struct ScenarioRunner: Sendable {
    public let world: ScenarioWorld
    public private(set) var users: [SimulatedUser]
    /// Events produced so far (the time of the last event).
    public private(set) var eventsEmitted = 0
    /// The user who makes the next event; nil once every user is done.
    public private(set) var upcomingUser: UserIndex?
    private var remaining: [Int]
    private var remainingTotal: Int
    private var schedule: Xoshiro256StarStar

    public init(world: ScenarioWorld) {
        self.world = world
        users = (0..<world.userCount).map { SimulatedUser(index: $0, world: world) }
        remaining = world.plannedEvents
        remainingTotal = remaining.reduce(0, +)
        schedule = SeedStream.schedule.generator(seed: world.scenario.seed)
        upcomingUser = nil
        drawUpcomingUser()
    }

    /// - Throws: `ScenarioValidationError` when the scenario is not valid.
    public init(scenario: Scenario) throws(ScenarioValidationError) {
        self.init(world: try ScenarioWorld(scenario: scenario))
    }

    public var totalEvents: Int { world.totalEvents }
    public var isFinished: Bool { upcomingUser == nil }

    /// The next event: `upcomingUser` chooses from `slate` (empty: from the catalogue).
    /// Returns nil when every user has made all its events. O(slate + leaves + leaf size).
    public mutating func step(showing slate: [ItemIndex] = []) -> Event? {
        guard let user = upcomingUser else { return nil }
        let choice = users[user].choose(from: slate, in: world)
        eventsEmitted += 1
        remaining[user] -= 1
        remainingTotal -= 1
        drawUpcomingUser()
        return Event(time: Int64(eventsEmitted), user: user, item: choice.item, action: choice.action, value: choice.value)
    }

    /// Autopilot: `.accept` or `.reject` from `user` for `item` now (SimulatedUser.respond).
    /// Does not advance the stream.
    public mutating func respond(user: UserIndex, to item: ItemIndex) -> Action {
        users[user].respond(to: item, in: world)
    }

    /// Every remaining event with nothing shown.
    public mutating func run() -> [Event] {
        var events: [Event] = []
        events.reserveCapacity(remainingTotal)
        while let event = step() { events.append(event) }
        return events
    }

    /// A dataset of `events` over the world's catalogue and users.
    public func dataset(events: [Event]) -> Dataset {
        Dataset(name: world.scenario.name, catalogue: world.catalogue, userIDs: world.userIDs,
                events: events, fingerprint: world.scenario.fingerprint)
    }

    private mutating func drawUpcomingUser() {
        guard remainingTotal > 0 else { upcomingUser = nil; return }
        if let only = onlyActiveUser() { upcomingUser = only; return }
        var ticket = schedule.nextIndex(below: remainingTotal)
        for (user, count) in remaining.enumerated() {
            if ticket < count { upcomingUser = user; return }
            ticket -= count
        }
        upcomingUser = nil   // unreachable: tickets are below the total
    }

    /// The single user with events left, when there is exactly one (no draw needed).
    private func onlyActiveUser() -> UserIndex? {
        var found: UserIndex?
        for (user, count) in remaining.enumerated() where count > 0 {
            if found != nil { return nil }
            found = user
        }
        return found
    }
}

extension ScenarioWorld {
    /// The full headless run as a dataset (fingerprint `scenario:<name>:seed=<seed>`).
    public func makeDataset() -> Dataset {
        var runner = ScenarioRunner(world: self)
        let events = runner.run()
        return runner.dataset(events: events)
    }
}

extension Scenario {
    /// Builds the world and runs it headless.
    public func makeDataset() throws(ScenarioValidationError) -> Dataset {
        try ScenarioWorld(scenario: self).makeDataset()
    }
}
