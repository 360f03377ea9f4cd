/// Page–Hinkley test for an upward change in the mean of a stream (Docs/model.md §5):
///
///     m_t = Σ_{k≤t} (x_k − x̄_k − δ),   M_t = min_{k≤t} m_k,   alarm when m_t − M_t > λ
///
/// Fed with the learner's log-loss, it flags when the learner is being surprised. After an
/// alarm the test restarts.
public struct PageHinkley: Hashable, Sendable {
    public struct Settings: Hashable, Sendable, Codable {
        public var delta = 0.05
        public var lambda = 25.0
        /// Observations before an alarm may be raised.
        public var minimumSamples = 30
        public init() {}
    }

    public private(set) var count = 0
    public private(set) var mean = 0.0
    public private(set) var cumulative = 0.0
    public private(set) var minimum = 0.0

    public init() {}

    /// The current statistic `m_t − M_t`.
    public var statistic: Double { cumulative - minimum }

    /// Adds one observation; returns true when the change is detected (and restarts).
    public mutating func observe(_ x: Double, settings: Settings) -> Bool {
        count += 1
        mean += (x - mean) / Double(count)
        cumulative += x - mean - settings.delta
        minimum = min(minimum, cumulative)
        guard count >= settings.minimumSamples, statistic > settings.lambda else { return false }
        self = PageHinkley()
        return true
    }
}
