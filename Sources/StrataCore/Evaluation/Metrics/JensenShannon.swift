/// Jensen–Shannon distance between two discrete distributions (SPEC §6: true vs estimated
/// top-level interests on scenarios).
public enum JensenShannon {
    /// `sqrt(JSD(p‖q))` with base-2 logarithms, so the result lies in [0, 1].
    ///
    /// `p` and `q` are non-negative weights over the same outcomes; each is normalised to sum 1.
    /// Terms with zero probability contribute 0. Two all-zero vectors are identical (0); an
    /// all-zero vector against any other is maximally distant (1). O(count).
    /// - Precondition: equal counts; finite, non-negative entries.
    public static func distance(_ p: [Double], _ q: [Double]) -> Double {
        precondition(p.count == q.count, "Jensen–Shannon needs equal lengths, got \(p.count) and \(q.count)")
        precondition(p.allSatisfy { $0 >= 0 && $0.isFinite } && q.allSatisfy { $0 >= 0 && $0.isFinite },
                     "Jensen–Shannon needs finite non-negative weights, got \(p) and \(q)")
        let sp = p.reduce(0, +)
        let sq = q.reduce(0, +)
        if sp == 0 || sq == 0 { return sp == sq ? 0 : 1 }
        var divergence = 0.0
        for k in p.indices {
            let a = p[k] / sp
            let b = q[k] / sq
            let m = (a + b) / 2
            if a > 0 { divergence += 0.5 * a * strataLog2(a / m) }
            if b > 0 { divergence += 0.5 * b * strataLog2(b / m) }
        }
        // Rounding can push the divergence a hair outside [0, 1].
        return min(1, max(0, divergence)).squareRoot()
    }
}
