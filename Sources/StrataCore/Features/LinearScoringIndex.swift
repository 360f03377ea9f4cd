/// The static half of the bulk margin `w · x(u, i)` (Docs/model.md §10), as (slot, weight)
/// pairs into a per-user table laid out as
/// `[node contributions (one per taxonomy node) | dense content profile (one per term)]`.
///
/// An item's sum is `w_bias`, then its node references (node, evidence share), then its content
/// terms (term, weight), always in that order, so it is the same, bit for bit, as reading the
/// catalogue and the item vectors one after the other. Two layouts make it fast:
/// * **Reference signatures.** Items on the same paths have the same reference list (on
///   MovieLens-100k, 367 lists for 1,682 items), so `w_bias + Σ references` is computed once
///   per signature and shared.
/// * **Terms grouped by count.** Items are stored grouped by their number of terms, so the
///   inner loop keeps one length for many items in a row and the branch predictor learns it
///   (loops of varying length, with their mispredicted exits, were where bulk scoring spent
///   most of its time).
struct LinearScoringIndex: Sendable {
    /// Items with the same number of terms, consecutive in `order`; their terms are consecutive
    /// too, `length` per item, from `firstPair`.
    struct Group: Sendable {
        let length: Int
        let items: Range<Int>
        let firstPair: Int
    }

    /// Distinct reference lists: signature s is `signatureSlot/Weight[signatureStart[s]..<signatureStart[s + 1]]`.
    let signatureStart: [Int32]
    let signatureSlot: [Int32]
    let signatureWeight: [Double]
    /// Per item (catalogue order): its signature.
    let signatureOf: [Int32]
    let groups: [Group]
    /// Item indices, group by group (catalogue order within a group).
    let order: [Int32]
    /// Per item (catalogue order): where its terms start in `slot`/`weight`, and how many.
    let pairStart: [Int32]
    let pairCount: [Int32]
    let slot: [Int32]
    let weight: [Double]
    /// Where the content profile begins in the per-user table.
    let profileOffset: Int
    /// Size of the per-user table.
    let tableSize: Int

    var signatureCount: Int { signatureStart.count - 1 }

    init(catalogue: Catalogue, vectors: ItemVectors) {
        let nodeCount = catalogue.taxonomy.nodeCount
        profileOffset = nodeCount
        tableSize = nodeCount + vectors.dimension
        let n = catalogue.count

        var signatureStart: [Int32] = [0]
        var signatureSlot: [Int32] = []
        var signatureWeight: [Double] = []
        var signatureOf = Array(repeating: Int32(0), count: n)
        var known: [[UInt64]: Int32] = [:]
        for item in 0..<n {
            let refs = catalogue.nodeRefs(of: item)
            let key = refs.flatMap { [UInt64(catalogue.nodeRefNode[$0]), catalogue.nodeRefShare[$0].bitPattern] }
            if let signature = known[key] {
                signatureOf[item] = signature
                continue
            }
            let signature = Int32(signatureStart.count - 1)
            known[key] = signature
            signatureOf[item] = signature
            for r in refs {
                signatureSlot.append(Int32(catalogue.nodeRefNode[r]))
                signatureWeight.append(catalogue.nodeRefShare[r])
            }
            signatureStart.append(Int32(signatureSlot.count))
        }

        let lengths = (0..<n).map { vectors.range(of: $0).count }
        // Stable: catalogue order within each length.
        let order = (0..<n).sorted { lengths[$0] < lengths[$1] || (lengths[$0] == lengths[$1] && $0 < $1) }
        var groups: [Group] = []
        var pairStart = Array(repeating: Int32(0), count: n)
        var pairCount = Array(repeating: Int32(0), count: n)
        var slot: [Int32] = []
        var weight: [Double] = []
        slot.reserveCapacity(vectors.terms.count)
        weight.reserveCapacity(vectors.terms.count)
        var position = 0
        while position < n {
            let length = lengths[order[position]]
            var end = position
            while end < n && lengths[order[end]] == length { end += 1 }
            groups.append(Group(length: length, items: position..<end, firstPair: slot.count))
            for item in order[position..<end] {
                pairStart[item] = Int32(slot.count)
                pairCount[item] = Int32(length)
                for k in vectors.range(of: item) {
                    slot.append(Int32(nodeCount) + vectors.terms[k])
                    weight.append(vectors.weights[k])
                }
            }
            position = end
        }
        self.signatureStart = signatureStart
        self.signatureSlot = signatureSlot
        self.signatureWeight = signatureWeight
        self.signatureOf = signatureOf
        self.groups = groups
        self.order = order.map { Int32($0) }
        self.pairStart = pairStart
        self.pairCount = pairCount
        self.slot = slot
        self.weight = weight
    }
}
