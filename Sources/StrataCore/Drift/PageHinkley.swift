/// Page–Hinkley test for an upward change in the mean of a stream (Docs/model.md §5):
///
///     m_t = Σ_{k≤t} (x_k − x̄_k − δ),   M_t = min_{k≤t} m_k,   alarm when m_t − M_t > λ
///
/// Fed with the learner's log-loss, it flags when the learner is being surprised. After an
/// alarm the test restarts. `m_t` drifts by about −δ per observation, so once `M_t` passes
/// −2²⁰ both are shifted by −M_t (the statistic is unchanged): the state stays bounded on
/// streams of any length.
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

    static let shiftBelow = 0x1.0p20

    public init() {}

    /// The current statistic `m_t − M_t`.
    public var statistic: Double { cumulative - minimum }

    /// Adds one observation; returns the statistic `m_t − M_t` that crossed λ when the change
    /// is detected (and restarts), nil otherwise.
    public mutating func observe(_ x: Double, settings: Settings) -> Double? {
        count += 1
        mean += (x - mean) / Double(count)
        cumulative += x - mean - settings.delta
        minimum = min(minimum, cumulative)
        if minimum < -Self.shiftBelow {
            cumulative -= minimum
            minimum = 0
        }
        let value = statistic
        guard count >= settings.minimumSamples, value > settings.lambda else { return nil }
        self = PageHinkley()
        return value
    }
}
