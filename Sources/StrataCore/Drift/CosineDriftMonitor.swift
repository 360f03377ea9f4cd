/// Short-vs-long drift test for one user (SPEC §3, Docs/model.md §5).
///
/// cos = (p_short · p_long) / (‖p_short‖ ‖p_long‖) over the top-level shares. The alert is
/// raised after `hysteresis` consecutive evaluations below `threshold`, and cleared after as
/// many at or above `threshold + clearMargin`. Users with fewer than `warmUpEvents` events are
/// not tested (their long-term profile is not yet meaningful).
public struct CosineDriftMonitor: Hashable, Sendable {
    public private(set) var inDrift = false
    public private(set) var lastCosine = 1.0
    private var streak = 0

    public init() {}

    public struct Settings: Hashable, Sendable, Codable {
        public var threshold = 0.5
        public var clearMargin = 0.1
        public var hysteresis = 3
        public var warmUpEvents: Int64 = 20
        public init() {}
    }

    public static func cosine(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "cosine of vectors of different lengths \(a.count) and \(b.count)")
        var dot = 0.0, na = 0.0, nb = 0.0
        for k in a.indices {
            dot += a[k] * b[k]
            na += a[k] * a[k]
            nb += b[k] * b[k]
        }
        guard na > 0, nb > 0 else { return 1 }
        return dot / (na.squareRoot() * nb.squareRoot())
    }

    /// Feeds one evaluation; returns `true` when the state flips (alert raised or cleared).
    mutating func update(cosine: Double, settings: Settings) -> Bool {
        lastCosine = cosine
        let againstState = inDrift ? cosine >= settings.threshold + settings.clearMargin : cosine < settings.threshold
        streak = againstState ? streak + 1 : 0
        guard streak >= settings.hysteresis else { return false }
        inDrift.toggle()
        streak = 0
        return true
    }

    var hashState: (Bool, Double, Int) { (inDrift, lastCosine, streak) }
}
