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
        precondition(target >= 0 && target < scores.count,
                     "target item \(target) outside the \(scores.count) scored items")
        precondition(scores.count == seen.itemCount,
                     "\(scores.count) scores for a catalogue of \(seen.itemCount) items")
        let raw = scores[target]
        let s = raw.isNaN ? -Double.infinity : raw
        let base = user * seen.wordsPerUser
        var ahead = 0
        seen.words.withUnsafeBufferPointer { words in
            scores.withUnsafeBufferPointer { scores in
                // Items before the target win ties; items after it must score strictly higher.
                for j in 0..<target where words[base + j >> 6] & (1 << UInt64(j & 63)) == 0 {
                    let v = scores[j]
                    let x = v.isNaN ? -Double.infinity : v
                    if x >= s { ahead += 1 }
                }
                for j in (target + 1)..<scores.count where words[base + j >> 6] & (1 << UInt64(j & 63)) == 0 {
                    let v = scores[j]
                    let x = v.isNaN ? -Double.infinity : v
                    if x > s { ahead += 1 }
                }
            }
        }
        return 1 + ahead
    }
}
