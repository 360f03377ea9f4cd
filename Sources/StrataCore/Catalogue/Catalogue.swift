/// The items, their taxonomy and the precomputed evidence shares of each item (SPEC §2).
///
/// Immutable once built: models size their per-node and per-item arrays from it.
/// Storage is flat (struct of arrays) so the hot path reads contiguous memory.
public struct Catalogue: Sendable {
    public private(set) var items: [Item] = []
    public private(set) var taxonomy = Taxonomy()
    private var indexByID: [String: ItemIndex] = [:]

    /// Leaf node of each of an item's paths.
    public private(set) var leaves: [[NodeIndex]] = []
    /// For item i, `nodeRefs[nodeRefStart[i]..<nodeRefStart[i+1]]` are the nodes on all of its
    /// paths with their evidence share (1 / number of paths, summed where paths meet).
    public private(set) var nodeRefStart: [Int] = [0]
    public private(set) var nodeRefNode: [NodeIndex] = []
    public private(set) var nodeRefShare: [Double] = []
    /// Items filed under each node (directly or below), in catalogue order.
    public private(set) var itemsUnder: [[ItemIndex]] = [[]]
    /// Top-level nodes of each item (deduplicated, in path order).
    public private(set) var topLevelNodes: [[NodeIndex]] = []

    public init() {}

    public init(items: [Item]) {
        self.init()
        for item in items { add(item) }
    }

    public var count: Int { items.count }

    public func index(of id: String) -> ItemIndex? { indexByID[id] }

    /// Adds `item` (or returns the existing index for its id). Items without a path are filed
    /// under "Uncategorised".
    @discardableResult
    public mutating func add(_ item: Item) -> ItemIndex {
        if let existing = indexByID[item.id] { return existing }
        var item = item
        if item.paths.isEmpty { item.paths = [["Uncategorised"]] }
        let index = items.count
        items.append(item)
        indexByID[item.id] = index

        var itemLeaves: [NodeIndex] = []
        var shares: [(NodeIndex, Double)] = []
        let pathShare = 1.0 / Double(item.paths.count)
        for path in item.paths {
            let leaf = taxonomy.node(forPath: path)
            itemLeaves.append(leaf)
            for node in taxonomy.ancestry(of: leaf) {
                if let at = shares.firstIndex(where: { $0.0 == node }) {
                    shares[at].1 += pathShare
                } else {
                    shares.append((node, pathShare))
                }
            }
        }
        while itemsUnder.count < taxonomy.nodeCount { itemsUnder.append([]) }
        for (node, _) in shares { itemsUnder[node].append(index) }
        itemsUnder[Taxonomy.root].append(index)
        leaves.append(itemLeaves)
        for (node, share) in shares {
            nodeRefNode.append(node)
            nodeRefShare.append(share)
        }
        nodeRefStart.append(nodeRefNode.count)
        var tops: [NodeIndex] = []
        for leaf in itemLeaves {
            if let top = taxonomy.ancestor(of: leaf, atLevel: 1), !tops.contains(top) { tops.append(top) }
        }
        topLevelNodes.append(tops)
        return index
    }

    /// The range of `nodeRefNode`/`nodeRefShare` that belongs to `item`.
    @inline(__always)
    public func nodeRefs(of item: ItemIndex) -> Range<Int> { nodeRefStart[item]..<nodeRefStart[item + 1] }
}
