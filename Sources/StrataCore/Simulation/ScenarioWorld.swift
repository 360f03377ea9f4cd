/// The ground truth of a scenario (SPEC §5): its catalogue, item popularity and every user's
/// latent interests as a pure function of that user's event number (Docs/scenarios.md §2–4).
///
/// Built once from a validated `Scenario`; immutable and cheap to copy (arrays are shared).
/// Leaves are numbered 0..<leafCount in the scenario's depth-first category order; every
/// interest vector is indexed that way.
public struct ScenarioWorld: Sendable {
    public let scenario: Scenario
    public let catalogue: Catalogue
    /// Taxonomy node of each leaf.
    public let leafNodes: [NodeIndex]
    /// `/`-joined path of each leaf.
    public let leafPaths: [String]
    /// Leaf of each item.
    public let leafOfItem: [Int]
    /// Items of each leaf in popularity-rank order (rank 1 first).
    public let itemsByLeaf: [[ItemIndex]]
    /// Zipf share of each item within its leaf; sums to 1 over a leaf.
    public let popularity: [Double]
    /// Position in `catalogue.taxonomy.topLevel` of each leaf's top-level category.
    public let topLevelOfLeaf: [Int]
    public let userIDs: [String]
    let profiles: [UserProfile]

    public var leafCount: Int { leafNodes.count }
    public var userCount: Int { userIDs.count }
    /// Events each user makes in a full run.
    public var plannedEvents: [Int] { profiles.map(\.events) }
    public var totalEvents: Int { profiles.reduce(0) { $0 + $1.events } }

    /// The resolved behaviour (scenario defaults plus the user's overrides).
    public func behaviour(of user: UserIndex) -> Behaviour { profiles[user].behaviour }
    public func userIndex(of id: String) -> UserIndex? { userIDs.firstIndex(of: id) }

    /// - Throws: `ScenarioValidationError` listing every problem `validationIssues()` finds.
    public init(scenario: Scenario) throws(ScenarioValidationError) {
        let issues = scenario.validationIssues()
        guard issues.isEmpty else { throw ScenarioValidationError(issues: issues) }
        self.scenario = scenario

        let built = CatalogueBuilder(spec: scenario.catalogue, seed: scenario.seed).build()
        catalogue = built.catalogue
        leafPaths = built.leafPaths
        leafOfItem = built.leafOfItem
        itemsByLeaf = built.itemsByLeaf
        let leafNodes = built.leafFirstItems.map { built.catalogue.leaves[$0][0] }
        self.leafNodes = leafNodes

        // Zipf within leaf: rank r has weight r^−s (Docs/scenarios.md §2).
        var popularity = [Double](repeating: 0, count: built.catalogue.count)
        for items in built.itemsByLeaf {
            let weights = items.indices.map { strataExp(-scenario.catalogue.zipfExponent * strataLog(Double($0 + 1))) }
            let total = weights.reduce(0, +)
            for (rank, item) in items.enumerated() { popularity[item] = weights[rank] / total }
        }
        self.popularity = popularity

        let taxonomy = built.catalogue.taxonomy
        let topLevelOfLeaf = leafNodes.map { leaf in
            let top = taxonomy.ancestor(of: leaf, atLevel: 1) ?? leaf
            return taxonomy.topLevel.firstIndex(of: top) ?? 0
        }
        self.topLevelOfLeaf = topLevelOfLeaf
        userIDs = scenario.users.map(\.id)
        let resolver = InterestResolver(leafPaths: built.leafPaths, topLevelOfLeaf: topLevelOfLeaf,
                                        topLevelCount: taxonomy.topLevel.count, seed: scenario.seed)
        profiles = scenario.users.enumerated().map { index, user in
            resolver.profile(for: user, at: index, in: scenario)
        }
    }
}

/// A user's resolved ground truth: base interests and the schedule entries that apply to them.
struct UserProfile: Sendable {
    var events: Int
    var behaviour: Behaviour
    /// Normalised over leaves, floor included.
    var base: [Double]
    var drifts: [ResolvedDrift]
    var emergences: [ResolvedEmergence]
}

struct ResolvedDrift: Sendable {
    var entry: DriftEntry
    var sourceLeaves: [Int]
    var targetLeaves: [Int]
}

struct ResolvedEmergence: Sendable {
    var entry: EmergenceEntry
    var leaves: [Int]
}
