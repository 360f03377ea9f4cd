/// One time scale of the interest model (SPEC §3): `short`, `medium`, `long` by default.
///
/// Not to be confused with `InterestLabel` (core, emerging, …), which classifies a node.
public struct TemporalTier: Hashable, Sendable, Codable {
    /// What the half-life is measured in.
    public enum Clock: String, Hashable, Sendable, Codable {
        /// The user's own event count (default).
        case events
        /// Stream time in seconds.
        case seconds
    }

    public var name: String
    public var halfLife: Double
    public var clock: Clock

    public init(name: String, halfLife: Double, clock: Clock = .events) {
        precondition(halfLife > 0, "half-life of tier \(name) must be positive, got \(halfLife)")
        self.name = name
        self.halfLife = halfLife
        self.clock = clock
    }

    public static let standard: [TemporalTier] = [
        TemporalTier(name: "short", halfLife: 20),
        TemporalTier(name: "medium", halfLife: 200),
        TemporalTier(name: "long", halfLife: 2000),
    ]
}
