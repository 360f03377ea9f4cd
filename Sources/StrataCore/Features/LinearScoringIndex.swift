/// The static half of the bulk margin `w · x(u, i)` (Docs/model.md §10): for every item, its
/// (slot, weight) pairs into a per-user table laid out as
/// `[node contributions (one per taxonomy node) | dense content profile (one per term)]`.
///
/// An item's node references come first, then its content terms, so the sum is the same, bit
/// for bit, as reading the two sources one after the other. Items are stored grouped by their
/// number of pairs: scoring every item walks one group at a time, so the inner loop has the
/// same length for many items in a row and the branch predictor learns it. Loops of varying
/// length (mispredicted exits) were where bulk scoring spent most of its time.
public struct LinearScoringIndex: Sendable {
    /// Items with the same number of pairs, consecutive in `order`; their pairs are consecutive
    /// too, `length` per item, from `firstPair`.
    public struct Group: Sendable {
        public let length: Int
        public let items: Range<Int>
        public let firstPair: Int
    }

    public let groups: [Group]
    /// Item indices, group by group (catalogue order within a group).
    public let order: [Int32]
    /// Per item (catalogue order): where its pairs start, and how many.
    public let pairStart: [Int32]
    public let pairCount: [Int32]
    public let slot: [Int32]
    public let weight: [Double]
    /// Where the content profile begins in the per-user table.
    public let profileOffset: Int
    /// Size of the per-user table.
    public let tableSize: Int

    public init(catalogue: Catalogue, vectors: ItemVectors) {
        let nodeCount = catalogue.taxonomy.nodeCount
        profileOffset = nodeCount
        tableSize = nodeCount + vectors.dimension
        let n = catalogue.count
        let lengths = (0..<n).map { catalogue.nodeRefs(of: $0).count + vectors.range(of: $0).count }
        // Stable: catalogue order within each length.
        let order = (0..<n).sorted { lengths[$0] < lengths[$1] || (lengths[$0] == lengths[$1] && $0 < $1) }
        var groups: [Group] = []
        var pairStart = Array(repeating: Int32(0), count: n)
        var pairCount = Array(repeating: Int32(0), count: n)
        var slot: [Int32] = []
        var weight: [Double] = []
        slot.reserveCapacity(lengths.reduce(0, +))
        weight.reserveCapacity(slot.capacity)
        var position = 0
        while position < n {
            let length = lengths[order[position]]
            var end = position
            while end < n && lengths[order[end]] == length { end += 1 }
            groups.append(Group(length: length, items: position..<end, firstPair: slot.count))
            for item in order[position..<end] {
                pairStart[item] = Int32(slot.count)
                pairCount[item] = Int32(length)
                for r in catalogue.nodeRefs(of: item) {
                    slot.append(Int32(catalogue.nodeRefNode[r]))
                    weight.append(catalogue.nodeRefShare[r])
                }
                for k in vectors.range(of: item) {
                    slot.append(Int32(nodeCount) + vectors.terms[k])
                    weight.append(vectors.weights[k])
                }
            }
            position = end
        }
        self.groups = groups
        self.order = order.map { Int32($0) }
        self.pairStart = pairStart
        self.pairCount = pairCount
        self.slot = slot
        self.weight = weight
    }
}
