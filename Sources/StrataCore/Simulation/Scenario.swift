/// A simulated world for teaching and ground truth (SPEC §5): a synthetic catalogue, users with
/// latent interests over its leaf categories, and a schedule that changes those interests.
///
/// The JSON form (full reference and the choice model's maths: Docs/scenarios.md):
///
///     {
///       "name": "drift",                       // required; also names the dataset
///       "description": "One user, Sci-Fi → Romance",
///       "seed": 7,                             // UInt64; same seed ⇒ same stream, bit for bit
///       "eventsPerUser": 2000,                 // default for users without "events" (1000)
///       "catalogue": {
///         "categories": [                      // explicit tree, 1–4 levels …
///           { "name": "Sci-Fi", "children": [
///             { "name": "Space", "children": [ { "name": "Hard SF" } ] } ] } ],
///         // … or "generated": { "branching": [4, 3, 2] }
///         "itemsPerLeaf": 8,                   // a leaf may override with "items" or "titles"
///         "zipfExponent": 1.0,                 // popularity ∝ rank^−s within each leaf
///         "titles": {                          // deterministic titles from word lists
///           "patterns": ["The {adj} {noun}"], "words": { "adj": ["Last"], "noun": ["Orbit"] } }
///       },
///       "behaviour": {                         // defaults for every user
///         "actions": { "view": 0.5, "click": 0.3, "rate": 0.2 },
///         "outsideUtility": 0, "temperature": 1, "popularityWeight": 0.5,
///         "interestFloor": 0.02, "ratingNoise": 0.5 },
///       "users": [
///         { "id": "u1", "interests": { "Sci-Fi": 3, "Romance/Period": 1 }, "events": 2000 },
///         { "id": "u2", "preset": "focused", "temperature": 0.7 } ],
///       "drift": [ { "user": "u1", "from": 600, "to": 800,
///                    "source": "Sci-Fi", "target": "Romance", "fraction": 0.7 } ],
///       "emerge": [ { "path": "Documentary", "weight": 0.4,
///                     "riseFrom": 500, "peakAt": 700, "fadeFrom": 900, "goneBy": 1300 } ]
///     }
///
/// Category paths are written with `/` between levels. Unknown fields are rejected.
/// The types need no Foundation; `StrataData.ScenarioFile` reads files.
public struct Scenario: Hashable, Sendable, Codable {
    public var name: String
    /// JSON key `description`.
    public var summary: String
    public var seed: UInt64
    public var catalogue: CatalogueSpec
    /// Defaults for every user; a user may override single fields.
    public var behaviour: Behaviour
    /// Events per user when a user does not say.
    public var eventsPerUser: Int
    public var users: [UserSpec]
    /// Mass moves between categories; applied in this order (Docs/scenarios.md §4).
    public var drift: [DriftEntry]
    /// Interests that rise and fade; applied after `drift`, in this order.
    public var emerge: [EmergenceEntry]

    public init(name: String, summary: String = "", seed: UInt64, catalogue: CatalogueSpec,
                behaviour: Behaviour = Behaviour(), eventsPerUser: Int = 1000, users: [UserSpec],
                drift: [DriftEntry] = [], emerge: [EmergenceEntry] = []) {
        self.name = name
        self.summary = summary
        self.seed = seed
        self.catalogue = catalogue
        self.behaviour = behaviour
        self.eventsPerUser = eventsPerUser
        self.users = users
        self.drift = drift
        self.emerge = emerge
    }

    /// The stable dataset fingerprint of a scenario run: name and seed fix the stream.
    public var fingerprint: String { "scenario:\(name):seed=\(seed)" }

    static let fieldNames = ["name", "description", "seed", "eventsPerUser", "catalogue", "behaviour", "users", "drift", "emerge"]

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: Self.fieldNames)
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        name = try c.decode(String.self, "name")
        summary = try c.decodeIfPresent(String.self, "description") ?? ""
        seed = try c.decodeIfPresent(UInt64.self, "seed") ?? 0
        eventsPerUser = try c.decodeIfPresent(Int.self, "eventsPerUser") ?? 1000
        catalogue = try c.decode(CatalogueSpec.self, "catalogue")
        behaviour = try c.decodeIfPresent(Behaviour.self, "behaviour") ?? Behaviour()
        users = try c.decode([UserSpec].self, "users")
        drift = try c.decodeIfPresent([DriftEntry].self, "drift") ?? []
        emerge = try c.decodeIfPresent([EmergenceEntry].self, "emerge") ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        try c.encode(name, "name")
        try c.encode(summary, "description")
        try c.encode(seed, "seed")
        try c.encode(eventsPerUser, "eventsPerUser")
        try c.encode(catalogue, "catalogue")
        try c.encode(behaviour, "behaviour")
        try c.encode(users, "users")
        try c.encode(drift, "drift")
        try c.encode(emerge, "emerge")
    }
}
