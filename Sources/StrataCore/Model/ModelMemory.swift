/// Bytes the model holds, by part, for the scale figures (Docs/performance.md "At scale"):
/// element strides × capacities of each part's arrays, so headers and allocator overhead are
/// not counted and the process's resident set is larger. O(users + items).
public struct ModelMemory: Hashable, Sendable {
    /// Strengths, clocks and labels of the users' touched nodes.
    public var interest = 0
    /// The users' content profiles (one sparse text vector per tier).
    public var profiles = 0
    /// The users' seen lists and recent positives.
    public var histories = 0
    /// The `UserState` records themselves (their pages).
    public var userRecords = 0
    /// Co-occurrence rows and per-item counts.
    public var cooccurrence = 0
    /// Popularity and segment popularity (one count per item each).
    public var popularity = 0
    /// The tier-change and drift-alert logs.
    public var logs = 0

    public var perUser: Int { interest + profiles + histories + userRecords }
    public var perItem: Int { cooccurrence + popularity }
    public var total: Int { perUser + perItem + logs }
}

extension StrataModel {
    public var memory: ModelMemory {
        var parts = ModelMemory()
        for user in users {
            parts.interest += user.interest.storedBytes + user.tracker.storedBytes
            parts.profiles += user.profiles.reduce(0) { $0 + $1.storedBytes }
            parts.histories += user.seen.capacity * 4 + user.positives.capacity * MemoryLayout<ItemIndex>.stride
        }
        parts.userRecords = users.count * MemoryLayout<UserState>.stride
        parts.cooccurrence = cooccurrence.storedBytes
        parts.popularity = (1 + segmentPopularity.count) * catalogue.count * MemoryLayout<Double>.stride
        parts.logs = labelChanges.capacity * MemoryLayout<LabelChange>.stride + driftAlerts.capacity * MemoryLayout<DriftAlert>.stride
        return parts
    }
}
