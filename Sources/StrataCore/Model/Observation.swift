/// What one observed event (or one decision) changed, for the screen and the exporters.
public struct Observation: Sendable {
    public var position: Int
    public var event: Event
    public var gain: Double
    /// P(accept) of the taken item before learning it, and its log-loss (nil: no example).
    public var prediction: Double?
    public var logLoss: Double?
    public var labelChanges: [LabelChange] = []
    public var driftAlerts: [DriftAlert] = []
    public var examplesLearned = 0
}
