/// Caches and scratch buffers of scoring (share tables, prepared bulk-scoring tables,
/// log-popularity tables, candidate marks): never part of the model state, never hashed.
/// Reading the model (`recommendations(for:count:workspace:)`, `scoreAll(user:into:workspace:)`,
/// `featureVector(user:item:workspace:)`) writes only here, so queries work on a `let` model.
///
/// A workspace's caches are keyed by (user, that user's event count) and (popularity clock,
/// popularity revision): valid while it serves one model moving forward. After a model is
/// replaced by an earlier one (a rewind), give it a fresh workspace: the same keys can recur
/// there with other contents. The model keeps one of its own, moved along with it (checkpoints
/// carry theirs), which every event keeps current.
public struct ScoringWorkspace: Sendable {
    /// Sibling shares `p_τ(n)` (each node's share within its sibling group), flat
    /// `node * tierCount + tier`.
    var siblingShares: [Double] = []
    /// Path shares `P_τ(n)` (product of sibling shares down the path) of the same user and moment.
    var pathShares: [Double] = []
    var siblingShareWorkspace = SiblingShareWorkspace()
    /// Whose tables `siblingShares` and `pathShares` hold: (user, that user's event count).
    var shareTablesKey: (UserIndex, Int64) = (-1, -1)
    var features: [Double] = []
    var bulk = BulkScoringTables()
    /// Every item's margin, reused by exhaustive recommendations.
    var allMargins: [Double] = []
    /// `ln(1 + popularity)` of every item, valid for `logPopularityKey` = (position, revision).
    var logPopularity: [Double] = []
    var logPopularityKey = (-1, -1)
    /// The same per segment.
    var logSegmentPopularity: [[Double]] = []
    var logSegmentKey: [(Int, Int)] = []
    /// Generation marks for candidate deduplication (no hashing).
    var candidateMark: [UInt32] = []
    var candidateGeneration: UInt32 = 0
    /// The same generation's marks for co-occurrence neighbours already listed.
    var neighbourMark: [UInt32] = []

    public init() {}
}
