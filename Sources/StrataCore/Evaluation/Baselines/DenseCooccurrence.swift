/// ItemKNN's co-occurrence counts as dense n×n matrices, for catalogues up to
/// `ItemKNN.defaultDenseItemLimit` items.
///
/// Besides the counts C it caches each cosine term `T[p][j] = C[p][j] / sqrt(c[p]·c[j])`
/// (0 where C[p][j] = 0), so scoring is plain row additions. A positive of item i changes only
/// row and column i of T (C[·][i] and c[i] change), so the cache costs O(n) per positive, and
/// each cached term is the very Double the formula gives, so sums are bit-identical.
///
/// Memory: n² × (4 + 8) bytes — ML-100k (1,682 items): 34 MB; 4,096 items: 201 MB.
struct DenseCooccurrence: Hashable, Sendable {
    let itemCount: Int
    /// C, row-major.
    private(set) var counts: [Int32]
    /// T, row-major; symmetric because C is and `a·b == b·a` exactly in IEEE arithmetic.
    private(set) var terms: [Double]

    init(itemCount: Int) {
        self.itemCount = itemCount
        counts = [Int32](repeating: 0, count: itemCount * itemCount)
        terms = [Double](repeating: 0, count: itemCount * itemCount)
    }

    @inline(__always)
    func count(_ a: ItemIndex, _ b: ItemIndex) -> Int32 { counts[a * itemCount + b] }

    /// C[a][b] += 1 and C[b][a] += 1. O(1). Call `refresh(_:itemPositives:)` for the item
    /// whose c changed afterwards.
    @inline(__always)
    mutating func recordPair(_ a: ItemIndex, _ b: ItemIndex) {
        counts[a * itemCount + b] += 1
        counts[b * itemCount + a] += 1
    }

    /// Recomputes row and column `item` of T from C and c. O(n).
    ///
    /// Counts never decrease, so an entry with C = 0 still holds its initial 0 and is skipped:
    /// this saves most of the strided column writes while rows are sparse.
    mutating func refresh(_ item: ItemIndex, itemPositives: [Int32]) {
        let n = itemCount
        let ci = Double(itemPositives[item])
        for j in 0..<n {
            let cij = counts[item * n + j]
            guard cij > 0 else { continue }
            let term = Double(cij) / (ci * Double(itemPositives[j])).squareRoot()
            terms[item * n + j] = term
            terms[j * n + item] = term
        }
    }

    /// Without T (a rewind checkpoint: T follows from C and c, and is two thirds of the bytes).
    func droppingTerms() -> DenseCooccurrence {
        var copy = self
        copy.terms = []
        return copy
    }

    /// T recomputed from C and c after `droppingTerms()`: every entry is the Double `refresh`
    /// last wrote (it always reflects the current C and c; `a·b == b·a` exactly). O(n²).
    func restoringTerms(itemPositives: [Int32]) -> DenseCooccurrence {
        guard terms.isEmpty else { return self }
        var copy = self
        let n = itemCount
        var rebuilt = [Double](repeating: 0, count: n * n)
        for a in 0..<n {
            let ca = Double(itemPositives[a])
            for j in 0..<n {
                let c = counts[a * n + j]
                guard c > 0 else { continue }
                rebuilt[a * n + j] = Double(c) / (ca * Double(itemPositives[j])).squareRoot()
            }
        }
        copy.terms = rebuilt
        return copy
    }

    /// `scores[j] += T[p][j]` for each p of `rows`, in order: the protocol's summation order.
    /// O(rows × n), vectorised.
    func accumulate(rows: [Int32], into scores: inout [Double]) {
        let n = itemCount
        precondition(scores.count == n, "\(scores.count) scores for \(n) items")
        terms.withUnsafeBufferPointer { terms in
            scores.withUnsafeMutableBufferPointer { scores in
                for p in rows {
                    let row = UnsafeBufferPointer(rebasing: terms[Int(p) * n ..< Int(p) * n + n])
                    for j in 0..<n { scores[j] += row[j] }
                }
            }
        }
    }
}
