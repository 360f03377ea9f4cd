/// Quality of accept predictions: predicted probability that a shown item is accepted, against
/// what the human did (SPEC §6).
public enum AcceptPredictionMetrics {
    /// Area under the ROC curve by ranks (Mann–Whitney U): the probability that a random accepted
    /// item outscores a random rejected one, ties counting one half (tied scores share their
    /// average rank). nil unless there is at least one of each label. O(n log n).
    /// - Precondition: equal counts; no NaN score.
    public static func auc(scores: [Double], accepted: [Bool]) -> Double? {
        precondition(scores.count == accepted.count, "AUC needs one label per score, got \(scores.count) scores and \(accepted.count) labels")
        precondition(!scores.contains { $0.isNaN }, "AUC needs scores without NaN")
        let positives = accepted.reduce(0) { $0 + ($1 ? 1 : 0) }
        let negatives = accepted.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var positiveRankSum = 0.0
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && scores[order[end]] == scores[order[start]] { end += 1 }
            // 1-based ranks start+1 ... end share their mean.
            let averageRank = Double(start + 1 + end) / 2
            for k in start..<end where accepted[order[k]] { positiveRankSum += averageRank }
            start = end
        }
        let p = Double(positives)
        let u = positiveRankSum - p * (p + 1) / 2
        return u / (p * Double(negatives))
    }

    /// Probabilities are clipped to [ε, 1 − ε] with this ε before taking logarithms.
    public static let logLossEpsilon = 1e-15

    /// Mean negative log-likelihood (natural log) of the labels; nil when empty. O(n).
    /// - Precondition: equal counts; no NaN probability.
    public static func logLoss(probabilities: [Double], accepted: [Bool]) -> Double? {
        precondition(probabilities.count == accepted.count, "log-loss needs one label per prediction, got \(probabilities.count) and \(accepted.count)")
        guard !probabilities.isEmpty else { return nil }
        var total = 0.0
        for k in probabilities.indices {
            precondition(!probabilities[k].isNaN, "log-loss: prediction \(k) is NaN")
            let p = min(1 - logLossEpsilon, max(logLossEpsilon, probabilities[k]))
            total -= accepted[k] ? strataLog(p) : strataLog(1 - p)
        }
        return total / Double(probabilities.count)
    }
}
