/// Baseline: online item–item cosine k-NN without truncation (EVALUATION.md, "Built-in
/// baselines").
///
/// c[i] = positives of i so far; C[i][j] = users with both i and j as positives so far. On a
/// positive (u, i): for each earlier positive p of u, `C[i][p] += 1` and `C[p][i] += 1`; then
/// `c[i] += 1`. Score of j for u: the sum over u's earlier positives p, **in stream order**, of
/// `C[p][j] / sqrt(c[p]·c[j])` where C[p][j] > 0 — the order fixes the floating-point sum,
/// hence ties and `ranks_sha256`.
///
/// A repeated positive (u already has i as a positive) changes nothing, so C keeps counting
/// *users*; the protocol leaves this open and ML-100k has no repeats.
///
/// Storage is dense (`DenseCooccurrence`, n² × 12 bytes) up to `denseItemLimit` items and
/// sparse above (`SparseCooccurrence`).
public struct ItemKNN: RankingModel, Hashable, Sendable {
    /// 4,096 items ≈ 201 MB of dense storage; larger catalogues use sparse rows.
    public static let defaultDenseItemLimit = 4_096

    public let name = "ItemKNN"
    public let itemCount: Int
    /// c[i].
    public private(set) var itemPositives: [Int32]
    /// Each user's positives in stream order (u's "earlier positives").
    public private(set) var userPositives: [[Int32]] = []
    /// The items of `userPositives` per user, ascending, to recognise repeats in O(log n): as
    /// `SeenItems`, it grows with the positives, not with the catalogue (a bitset per user was
    /// 500 KB a user on a 4 M-item catalogue, 16 GB after 2 M Taobao-shaped events).
    private var userPositiveSets: SeenItems
    private var dense: DenseCooccurrence?
    private var sparse: SparseCooccurrence?

    public init(itemCount: Int, denseItemLimit: Int = ItemKNN.defaultDenseItemLimit) {
        self.itemCount = itemCount
        itemPositives = [Int32](repeating: 0, count: itemCount)
        userPositiveSets = SeenItems(userCount: 0, itemCount: itemCount)
        if itemCount <= denseItemLimit {
            dense = DenseCooccurrence(itemCount: itemCount)
        } else {
            sparse = SparseCooccurrence(itemCount: itemCount)
        }
    }

    public var configDescription: [String: String] {
        ["similarity": "cosine", "neighbours": "all", "storage": dense == nil ? "sparse" : "dense"]
    }

    /// C[a][b]: users with both items as positives so far.
    public func cooccurrences(_ a: ItemIndex, _ b: ItemIndex) -> Int {
        Int(dense?.count(a, b) ?? sparse?.count(a, b) ?? 0)
    }

    /// O(|u's positives| × items) dense; O(their non-zeros) sparse.
    public func score(user: UserIndex, time: Int64, into scores: inout [Double]) {
        for j in scores.indices { scores[j] = 0 }
        guard user < userPositives.count else { return }
        if let dense {
            dense.accumulate(rows: userPositives[user], into: &scores)
        } else if let sparse {
            sparse.accumulate(rows: userPositives[user], itemPositives: itemPositives, into: &scores)
        }
    }

    /// O(|u's positives| + items) dense; O(|u's positives|) sparse.
    public mutating func learn(_ event: Event, isPositive: Bool) {
        guard isPositive else { return }
        let (user, item) = (event.user, event.item)
        while userPositives.count <= user { userPositives.append([]) }
        userPositiveSets.makeRoom(forUser: user)
        guard !userPositiveSets.contains(user: user, item: item) else { return }
        userPositiveSets.insert(user: user, item: item)

        for p in userPositives[user] {
            dense?.recordPair(item, Int(p))
            sparse?.recordPair(item, Int(p))
        }
        itemPositives[item] += 1
        dense?.refresh(item, itemPositives: itemPositives)
        userPositives[user].append(Int32(item))
    }
}

extension ItemKNN: Recommender {
    /// The earlier positives that add most to the score: "like Alien (cos 0.41)". O(|positives|).
    public func reasons(user: UserIndex, item: ItemIndex, catalogue: Catalogue) -> [Reason] {
        guard user < userPositives.count else { return [] }
        let cj = Double(itemPositives[item])
        var terms: [(p: Int, cosine: Double)] = []
        for p in userPositives[user] {
            let c = cooccurrences(Int(p), item)
            guard c > 0, cj > 0 else { continue }
            terms.append((Int(p), Double(c) / (Double(itemPositives[Int(p)]) * cj).squareRoot()))
        }
        terms.sort { $0.cosine > $1.cosine || ($0.cosine == $1.cosine && $0.p < $1.p) }
        return terms.prefix(2).map { term in
            .note("like " + catalogue.items[term.p].title + " (cos " + String((term.cosine * 100).rounded() / 100) + ")")
        }
    }

    /// Its counts follow from c and the users' positive lists, so those are the state.
    public var stateHash: String {
        var h = StateHasher()
        h.combine("item-knn-v1")
        h.combine(itemPositives)
        h.combine(userPositives.count)
        for positives in userPositives { h.combine(positives) }
        return h.finalize()
    }

    /// A copy of the dense table (and the copy-on-write fault of the next write) costs
    /// milliseconds per checkpoint: every 40 intervals (20,000 events); a rewind then
    /// re-learns at most that many events, ~30 ms.
    public var checkpointStride: Int { dense == nil ? 1 : 40 }

    /// The checkpoint keeps the counts only (11 MB on ML-100k instead of 34 MB): the live
    /// model's next write then copies a third of the bytes.
    public func checkpointCopy() -> ItemKNN {
        var copy = self
        copy.dense = dense?.droppingTerms()
        return copy
    }

    public func restoredFromCheckpoint() -> ItemKNN {
        var copy = self
        copy.dense = dense?.restoringTerms(itemPositives: itemPositives)
        return copy
    }
}
