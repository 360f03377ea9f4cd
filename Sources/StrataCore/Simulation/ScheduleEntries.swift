/// Moves `fraction` of the mass under `source` to `target`, linearly over the user's events
/// `from`…`to` (Docs/scenarios.md §4). `user` nil means every user.
public struct DriftEntry: Hashable, Sendable, Codable {
    public var user: String?
    public var from: Int
    public var to: Int
    /// Category paths with `/` between levels.
    public var source: String
    public var target: String
    public var fraction: Double

    public init(user: String? = nil, from: Int, to: Int, source: String, target: String, fraction: Double) {
        self.user = user
        self.from = from
        self.to = to
        self.source = source
        self.target = target
        self.fraction = fraction
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: ["user", "from", "to", "source", "target", "fraction"])
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        user = try c.decodeIfPresent(String.self, "user")
        from = try c.decode(Int.self, "from")
        to = try c.decode(Int.self, "to")
        source = try c.decode(String.self, "source")
        target = try c.decode(String.self, "target")
        fraction = try c.decode(Double.self, "fraction")
    }

    /// Linear progress of the move at event `t`: 0 up to `from`, 1 from `to` on.
    public func progress(atEvent t: Int) -> Double {
        if t <= from { return 0 }
        if t >= to { return 1 }
        return Double(t - from) / Double(to - from)
    }
}

/// A new interest in `path` whose weight rises linearly from 0 at `riseFrom` to `weight` at
/// `peakAt`, holds until `fadeFrom` (default `peakAt`) and falls back to 0 at `goneBy`
/// (Docs/scenarios.md §4). `user` nil means every user.
public struct EmergenceEntry: Hashable, Sendable, Codable {
    public var user: String?
    public var path: String
    /// Share of all mass the interest holds at its peak, in [0, 1].
    public var weight: Double
    public var riseFrom: Int
    public var peakAt: Int
    public var fadeFrom: Int?
    public var goneBy: Int

    public init(user: String? = nil, path: String, weight: Double, riseFrom: Int, peakAt: Int, fadeFrom: Int? = nil, goneBy: Int) {
        self.user = user
        self.path = path
        self.weight = weight
        self.riseFrom = riseFrom
        self.peakAt = peakAt
        self.fadeFrom = fadeFrom
        self.goneBy = goneBy
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: ["user", "path", "weight", "riseFrom", "peakAt", "fadeFrom", "goneBy"])
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        user = try c.decodeIfPresent(String.self, "user")
        path = try c.decode(String.self, "path")
        weight = try c.decode(Double.self, "weight")
        riseFrom = try c.decode(Int.self, "riseFrom")
        peakAt = try c.decode(Int.self, "peakAt")
        fadeFrom = try c.decodeIfPresent(Int.self, "fadeFrom")
        goneBy = try c.decode(Int.self, "goneBy")
    }

    public var fadeStart: Int { fadeFrom ?? peakAt }

    /// The envelope in [0, 1] at event `t` (trapezoid).
    public func envelope(atEvent t: Int) -> Double {
        if t <= riseFrom || t >= goneBy { return 0 }
        if t < peakAt { return Double(t - riseFrom) / Double(peakAt - riseFrom) }
        if t <= fadeStart { return 1 }
        return Double(goneBy - t) / Double(goneBy - fadeStart)
    }
}
