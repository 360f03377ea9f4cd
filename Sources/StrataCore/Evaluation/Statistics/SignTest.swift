/// The exact two-sided sign test (and so McNemar's exact test on discordant pairs).
public enum SignTest {
    /// P-value of `positive` successes against `negative` under Binomial(n, ½), n = the two
    /// together: `min(1, 2 · P(X ≤ min(positive, negative)))`; 1 when n = 0. Summed in log
    /// space (log n! as a running sum of logs, O(n)), so n in the hundreds of thousands neither overflows nor underflows
    /// until the p-value itself is below ~1e-308 (then 0).
    public static func twoSidedP(_ positive: Int, _ negative: Int) -> Double {
        precondition(positive >= 0 && negative >= 0, "counts must not be negative: \(positive), \(negative)")
        let n = positive + negative
        guard n > 0 else { return 1 }
        let k = min(positive, negative)
        let logHalfN = Double(n) * strataLog(0.5)
        // logFactorial[i] = ln i!
        var logFactorial = [Double](repeating: 0, count: n + 1)
        for i in stride(from: 2, through: n, by: 1) { logFactorial[i] = logFactorial[i - 1] + strataLog(Double(i)) }
        var terms: [Double] = []
        terms.reserveCapacity(k + 1)
        for i in 0...k { terms.append(logFactorial[n] - logFactorial[i] - logFactorial[n - i] + logHalfN) }
        let largest = terms.max() ?? 0
        let sum = terms.reduce(0) { $0 + strataExp($1 - largest) }
        return min(1, 2 * strataExp(largest + strataLog(sum)))
    }
}
