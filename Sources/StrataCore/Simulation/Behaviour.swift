/// How a simulated user chooses and acts (Docs/scenarios.md §3). Scenario-wide defaults; a
/// user may override single fields (`BehaviourOverrides`).
public struct Behaviour: Hashable, Sendable, Codable {
    /// Probabilities of the action recorded for a chosen item.
    public var actions: ActionMix
    /// Utility `u₀` of not taking anything from the slate, on the scale where an average item
    /// of an average leaf has utility 0.
    public var outsideUtility: Double
    /// Softmax temperature `T` (> 0); lower is more decisive.
    public var temperature: Double
    /// `β`, the weight of log popularity in an item's utility.
    public var popularityWeight: Double
    /// Mass spread evenly over all leaves so no interest is exactly 0 (in [0, 1)).
    public var interestFloor: Double
    /// Standard deviation of the Gaussian noise added to ratings (in stars).
    public var ratingNoise: Double
    /// Probability `ρ` that a choice from the catalogue re-consumes an item the user already
    /// had in the chosen leaf (a re-watch, a re-buy), by popularity among those; in [0, 1).
    /// 0 (the default) draws nothing extra, so streams without it are unchanged bit for bit.
    public var repeatRate: Double

    public init(actions: ActionMix = .standard, outsideUtility: Double = 0, temperature: Double = 1,
                popularityWeight: Double = 0.5, interestFloor: Double = 0.02, ratingNoise: Double = 0.5,
                repeatRate: Double = 0) {
        self.actions = actions
        self.outsideUtility = outsideUtility
        self.temperature = temperature
        self.popularityWeight = popularityWeight
        self.interestFloor = interestFloor
        self.ratingNoise = ratingNoise
        self.repeatRate = repeatRate
    }

    static let fieldNames = ["actions", "outsideUtility", "temperature", "popularityWeight", "interestFloor", "ratingNoise", "repeatRate"]

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: Self.fieldNames)
        self = try BehaviourOverrides(from: decoder).applied(to: Behaviour())
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        try c.encode(actions, "actions")
        try c.encode(outsideUtility, "outsideUtility")
        try c.encode(temperature, "temperature")
        try c.encode(popularityWeight, "popularityWeight")
        try c.encode(interestFloor, "interestFloor")
        try c.encode(ratingNoise, "ratingNoise")
        // Written only when set, so the encoding of scenarios without it is unchanged.
        if repeatRate != 0 { try c.encode(repeatRate, "repeatRate") }
    }
}

/// The behaviour fields a user sets for itself; the rest come from the scenario.
public struct BehaviourOverrides: Hashable, Sendable {
    public var actions: ActionMix?
    public var outsideUtility: Double?
    public var temperature: Double?
    public var popularityWeight: Double?
    public var interestFloor: Double?
    public var ratingNoise: Double?
    public var repeatRate: Double?

    public init(actions: ActionMix? = nil, outsideUtility: Double? = nil, temperature: Double? = nil,
                popularityWeight: Double? = nil, interestFloor: Double? = nil, ratingNoise: Double? = nil,
                repeatRate: Double? = nil) {
        self.actions = actions
        self.outsideUtility = outsideUtility
        self.temperature = temperature
        self.popularityWeight = popularityWeight
        self.interestFloor = interestFloor
        self.ratingNoise = ratingNoise
        self.repeatRate = repeatRate
    }

    /// Reads the behaviour fields from an object that may hold other fields too (a user).
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        actions = try c.decodeIfPresent(ActionMix.self, "actions")
        outsideUtility = try c.decodeIfPresent(Double.self, "outsideUtility")
        temperature = try c.decodeIfPresent(Double.self, "temperature")
        popularityWeight = try c.decodeIfPresent(Double.self, "popularityWeight")
        interestFloor = try c.decodeIfPresent(Double.self, "interestFloor")
        ratingNoise = try c.decodeIfPresent(Double.self, "ratingNoise")
        repeatRate = try c.decodeIfPresent(Double.self, "repeatRate")
    }

    func encode(into c: inout KeyedEncodingContainer<AnyCodingKey>) throws {
        try c.encodeIfPresent(actions, "actions")
        try c.encodeIfPresent(outsideUtility, "outsideUtility")
        try c.encodeIfPresent(temperature, "temperature")
        try c.encodeIfPresent(popularityWeight, "popularityWeight")
        try c.encodeIfPresent(interestFloor, "interestFloor")
        try c.encodeIfPresent(ratingNoise, "ratingNoise")
        try c.encodeIfPresent(repeatRate, "repeatRate")
    }

    public func applied(to base: Behaviour) -> Behaviour {
        var result = base
        if let actions { result.actions = actions }
        if let outsideUtility { result.outsideUtility = outsideUtility }
        if let temperature { result.temperature = temperature }
        if let popularityWeight { result.popularityWeight = popularityWeight }
        if let interestFloor { result.interestFloor = interestFloor }
        if let ratingNoise { result.ratingNoise = ratingNoise }
        if let repeatRate { result.repeatRate = repeatRate }
        return result
    }
}

/// Probabilities of the actions a simulated user records, as the JSON object
/// `{"view": 0.5, "click": 0.3, "rate": 0.2}`; normalised on use. `accept`/`reject` are the
/// explorer's own and cannot appear. Stored in `Action.allCases` order so sampling never
/// depends on dictionary order.
public struct ActionMix: Hashable, Sendable, Codable {
    public private(set) var weights: [Double]

    public static let allowedActions: [Action] = Action.allCases.filter { $0 != .accept && $0 != .reject }
    public static let standard = ActionMix([.view: 0.45, .click: 0.25, .rate: 0.2, .cart: 0.05, .purchase: 0.05])

    public init(_ mix: [Action: Double]) {
        weights = Action.allCases.map { mix[$0] ?? 0 }
    }

    public func weight(of action: Action) -> Double {
        Action.allCases.firstIndex(of: action).map { weights[$0] } ?? 0
    }

    public var total: Double { weights.reduce(0, +) }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        var mix: [Action: Double] = [:]
        for key in c.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            guard let action = Action(rawValue: key.stringValue), Self.allowedActions.contains(action) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription:
                    "unknown action \(InputText.quoted(key.stringValue)) (expected one of: \(Self.allowedActions.map(\.rawValue).joined(separator: ", ")))")
            }
            mix[action] = try c.decode(Double.self, forKey: key)
        }
        self.init(mix)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        for (action, weight) in zip(Action.allCases, weights) where weight != 0 {
            try c.encode(weight, action.rawValue)
        }
    }
}
