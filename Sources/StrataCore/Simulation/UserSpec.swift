/// One simulated user of a scenario (Docs/scenarios.md §3).
public struct UserSpec: Hashable, Sendable, Codable {
    public var id: String
    public var interests: InterestSpec
    /// Events this user makes (default: the scenario's `eventsPerUser`).
    public var events: Int?
    public var overrides: BehaviourOverrides

    public init(id: String, interests: InterestSpec, events: Int? = nil, overrides: BehaviourOverrides = BehaviourOverrides()) {
        self.id = id
        self.interests = interests
        self.events = events
        self.overrides = overrides
    }

    static let fieldNames = ["id", "interests", "preset", "events"] + Behaviour.fieldNames

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: Self.fieldNames)
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        id = try c.decode(String.self, "id")
        let weights = try c.decodeMap(Double.self, "interests")
        let preset = try c.decodeIfPresent(String.self, "preset")
        switch (weights, preset) {
        case (let weights?, nil):
            interests = .weights(weights)
        case (nil, let name?):
            guard let known = InterestPreset(rawValue: name) else {
                throw DecodingError.dataCorruptedError(forKey: AnyCodingKey("preset"), in: c, debugDescription:
                    "unknown preset \(InputText.quoted(name)) (expected one of: \(InterestPreset.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            interests = .preset(known)
        case (.some, .some):
            throw DecodingError.dataCorruptedError(forKey: AnyCodingKey("preset"), in: c,
                debugDescription: "give either 'interests' or 'preset', not both")
        case (nil, nil):
            throw DecodingError.keyNotFound(AnyCodingKey("interests"), DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "a user needs 'interests' or 'preset'"))
        }
        events = try c.decodeIfPresent(Int.self, "events")
        overrides = try BehaviourOverrides(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        try c.encode(id, "id")
        switch interests {
        case .weights(let weights): try c.encodeMap(weights, "interests")
        case .preset(let preset): try c.encode(preset.rawValue, "preset")
        }
        try c.encodeIfPresent(events, "events")
        try overrides.encode(into: &c)
    }
}

/// Latent interests: explicit weights per category path, or a named preset.
public enum InterestSpec: Hashable, Sendable {
    /// Positive weights keyed by category path (`"Sci-Fi"`, `"Romance/Period"`). A weight on an
    /// inner category is spread evenly over the leaves below it; weights are then normalised.
    case weights([String: Double])
    case preset(InterestPreset)
}

/// Interest shapes that need no knowledge of the taxonomy; the random ones draw from the
/// scenario seed and the user's position, so they are reproducible (Docs/scenarios.md §3).
public enum InterestPreset: String, CaseIterable, Hashable, Sendable {
    /// Every leaf equally.
    case uniform
    /// One top-level category holds ~70 %, a second ~20 %; leaves inside vary.
    case focused
    /// Random weights over all top-level categories and leaves.
    case eclectic
}
