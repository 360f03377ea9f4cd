/// The rank of a target among a user's candidates (EVALUATION.md step 4).
///
/// Candidates are the items the user has not had in any earlier event. Total order: score
/// descending, then catalogue index ascending, NaN counting as −∞. So
/// `rank = 1 + #{candidate j: s_j > s_i} + #{candidate j: s_j == s_i and j < i}`.
public enum CandidateRank {
    /// One pass over `scores`, no sorting, no allocation. O(items).
    /// - Precondition: `target` is a valid index of `scores`; the caller makes sure it is a
    ///   candidate (not in `seen` for `user`).
    public static func rank(of target: ItemIndex, user: UserIndex, scores: [Double], seen: SeenItems) -> Int {
        precondition(scores.count == seen.itemCount,
                     "\(scores.count) scores for a catalogue of \(seen.itemCount) items")
        return rank(of: target, scores: scores, seenSorted: seen.sorted(user: user))
    }

    /// The rank among the whole catalogue, seen items included (`RepeatPolicy.allow`).
    public static func rank(of target: ItemIndex, scores: [Double]) -> Int {
        rank(of: target, scores: scores) { _ in true }
    }

    /// The same with the user's seen items as a sorted list (`UserState.seen`), walked
    /// alongside the scores. The target itself never counts, seen or not.
    public static func rank(of target: ItemIndex, scores: [Double], seenSorted seen: [Int32]) -> Int {
        seen.withUnsafeBufferPointer { seen in
            var cursor = 0
            return rank(of: target, scores: scores) { j in
                while cursor < seen.count && Int(seen[cursor]) < j { cursor += 1 }
                return cursor == seen.count || Int(seen[cursor]) != j
            }
        }
    }

    /// The rule itself: `isCandidate` is asked about every item but the target, in ascending
    /// order (so it may walk a sorted list).
    @inline(__always)
    private static func rank(of target: ItemIndex, scores: [Double], isCandidate: (Int) -> Bool) -> Int {
        precondition(target >= 0 && target < scores.count,
                     "target item \(target) outside the \(scores.count) scored items")
        let raw = scores[target]
        let s = raw.isNaN ? -Double.infinity : raw
        var ahead = 0
        scores.withUnsafeBufferPointer { scores in
            // Items before the target win ties; items after it must score strictly higher.
            for j in 0..<target where isCandidate(j) {
                let v = scores[j]
                let x = v.isNaN ? -Double.infinity : v
                if x >= s { ahead += 1 }
            }
            for j in (target + 1)..<scores.count where isCandidate(j) {
                let v = scores[j]
                let x = v.isNaN ? -Double.infinity : v
                if x > s { ahead += 1 }
            }
        }
        return 1 + ahead
    }
}
