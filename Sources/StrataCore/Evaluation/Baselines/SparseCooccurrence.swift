/// ItemKNN's co-occurrence counts as one hash map per row, for catalogues too large for
/// `DenseCooccurrence`. Terms are computed when scoring, with the same formula and order.
///
/// Memory: O(non-zero pairs). Scoring: O(Σ non-zeros of the user's rows).
struct SparseCooccurrence: Hashable, Sendable {
    private(set) var rows: [[Int32: Int32]]

    init(itemCount: Int) {
        rows = [[Int32: Int32]](repeating: [:], count: itemCount)
    }

    @inline(__always)
    func count(_ a: ItemIndex, _ b: ItemIndex) -> Int32 { rows[a][Int32(b)] ?? 0 }

    /// C[a][b] += 1 and C[b][a] += 1. Amortised O(1).
    mutating func recordPair(_ a: ItemIndex, _ b: ItemIndex) {
        rows[a][Int32(b), default: 0] += 1
        rows[b][Int32(a), default: 0] += 1
    }

    /// `scores[j] += C[p][j] / sqrt(c[p]·c[j])` for each p of `rows`, in order. Within a row the
    /// order of j does not matter: each score only ever receives its own terms, in p order.
    func accumulate(rows positives: [Int32], itemPositives: [Int32], into scores: inout [Double]) {
        for p in positives {
            let cp = Double(itemPositives[Int(p)])
            for (j, cpj) in rows[Int(p)] {
                scores[Int(j)] += Double(cpj) / (cp * Double(itemPositives[Int(j)])).squareRoot()
            }
        }
    }
}
