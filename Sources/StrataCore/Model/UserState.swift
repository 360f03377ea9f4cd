/// Everything the model keeps about one user (SPEC §3).
public struct UserState: Sendable {
    public internal(set) var interest: UserInterest
    public internal(set) var tracker: LabelTracker
    public internal(set) var drift = CosineDriftMonitor()
    /// One decayed content profile per temporal tier.
    public internal(set) var profiles: [TextProfile]
    /// Items the user has had in any event (never recommended again), sorted ascending:
    /// O(log n) lookup, no hashing, and already in the order the state hash reads.
    public internal(set) var seen: [Int32] = []
    /// The latest positives in stream order (co-occurrence pairs and the "because you liked"
    /// reasons): the last max(cooccurrence window, recent positives), all when the window is 0.
    public internal(set) var positives: [ItemIndex] = []
    /// The user's segment (k-means cluster), −1 before the first refresh.
    public internal(set) var segment = -1
    /// The slate last shown to this user and not yet answered (SPEC §4 labelling).
    public internal(set) var shownSlate: [ItemIndex] = []
    /// Per-item event history, newest last (details view): (position, action, value).
    public internal(set) var eventCount = 0

    init(tierCount: Int) {
        interest = UserInterest(tierCount: tierCount)
        tracker = LabelTracker()
        profiles = Array(repeating: TextProfile(), count: tierCount)
    }

    public func hasSeen(_ item: ItemIndex) -> Bool {
        let key = Int32(truncatingIfNeeded: item)
        let at = insertionIndex(of: key)
        return at < seen.count && seen[at] == key
    }

    mutating func markSeen(_ item: ItemIndex) {
        let key = Int32(truncatingIfNeeded: item)
        let at = insertionIndex(of: key)
        if at == seen.count || seen[at] != key { seen.insert(key, at: at) }
    }

    private func insertionIndex(of key: Int32) -> Int {
        var low = 0, high = seen.count
        while low < high {
            let mid = (low + high) / 2
            if seen[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
