import StrataCore

/// Ground-truth metrics for simulated sources (SPEC §6, Docs/model.md §13): Jensen–Shannon
/// distance between each user's true and estimated (medium-tier) top-level interests, sampled
/// every `interval` of the user's events, and the delay from each scheduled drift to the first
/// interest-shift alert for that user.
struct TruthTracker {
    let world: ScenarioWorld?
    let interval = 25
    private(set) var distanceSum = 0.0
    private(set) var samples = 0
    private(set) var lastDistance: [Double]

    init(world: ScenarioWorld?, userCount: Int) {
        self.world = world
        lastDistance = Array(repeating: 0, count: userCount)
    }

    mutating func observe(_ observation: Observation, model: StrataModel) {
        guard let world else { return }
        let u = observation.event.user
        guard u < world.userCount else { return }
        let count = model.view(of: u).events
        guard count % interval == 0 else { return }
        let tier = model.tiers.count > 2 ? 1 : model.tiers.count - 1
        let estimated = model.topLevelShares(user: u, tier: tier)
        let truth = world.trueTopLevelShares(user: u, atEvent: count)
        let distance = JensenShannon.distance(truth, estimated)
        distanceSum += distance
        samples += 1
        lastDistance[u] = distance
    }

    func summary(model: StrataModel, userIDs: [String]) -> ReplayReport.Truth? {
        guard let world else { return nil }
        var delays: [ReplayReport.DriftDelay] = []
        for u in 0..<min(world.userCount, userIDs.count) {
            for change in world.scheduledChanges(user: u) {
                guard case let .drift(source, target, _) = change.kind else { continue }
                let alertsAtUserEvents = model.driftAlerts
                    .filter { $0.user == u && $0.kind == .interestShift }
                    .map(\.userEvent)
                let delay = DriftDetectionDelay.delay(driftStart: change.start, alerts: alertsAtUserEvents)
                delays.append(.init(user: userIDs[u], change: "\(source) → \(target)", start: change.start, delay: delay))
            }
        }
        let users = (0..<min(world.userCount, lastDistance.count))
        let final = users.isEmpty ? 0 : users.map { lastDistance[$0] }.reduce(0, +) / Double(users.count)
        return .init(meanJensenShannon: samples > 0 ? distanceSum / Double(samples) : 0, finalJensenShannon: final,
                     driftDetectionDelays: delays)
    }
}
