/// The category tree built from item paths (SPEC §2): depth 1–4 below the root.
///
/// Nodes are stored flat, addressed by `NodeIndex`; the root is node 0 at depth 0.
public struct Taxonomy: Hashable, Sendable {
    public static let root: NodeIndex = 0
    public static let maximumDepth = 4

    public private(set) var names: [String] = ["(root)"]
    public private(set) var parents: [NodeIndex] = [-1]
    public private(set) var depths: [Int] = [0]
    public private(set) var children: [[NodeIndex]] = [[]]

    public init() {}

    public var nodeCount: Int { names.count }
    /// The deepest level in use (0 for an empty tree).
    public var depth: Int { depths.max() ?? 0 }

    /// Returns the node for `path`, creating missing nodes. O(depth × siblings).
    /// - Precondition: `1 ≤ path.count ≤ maximumDepth` (readers reject longer paths first).
    public mutating func node(forPath path: [String]) -> NodeIndex {
        precondition(!path.isEmpty && path.count <= Self.maximumDepth,
                     "taxonomy path must have 1...\(Self.maximumDepth) levels, got \(path.count): \(path)")
        var current = Self.root
        for name in path {
            if let existing = children[current].first(where: { names[$0] == name }) {
                current = existing
            } else {
                let new = names.count
                names.append(name)
                parents.append(current)
                depths.append(depths[current] + 1)
                children.append([])
                children[current].append(new)
                current = new
            }
        }
        return current
    }

    /// The existing node for `path`, or nil.
    public func existingNode(forPath path: [String]) -> NodeIndex? {
        var current = Self.root
        for name in path {
            guard let next = children[current].first(where: { names[$0] == name }) else { return nil }
            current = next
        }
        return current
    }

    /// Nodes from the top level down to `node` (root excluded).
    public func ancestry(of node: NodeIndex) -> [NodeIndex] {
        var chain: [NodeIndex] = []
        var current = node
        while current != Self.root && current >= 0 {
            chain.append(current)
            current = parents[current]
        }
        return chain.reversed()
    }

    /// The node's siblings including itself, in creation order.
    public func siblings(of node: NodeIndex) -> [NodeIndex] {
        node == Self.root ? [Self.root] : children[parents[node]]
    }

    public func path(of node: NodeIndex) -> [String] { ancestry(of: node).map { names[$0] } }

    /// "Sci-Fi › 1990s"; `ascii` uses " > " for terminals without UTF-8.
    public func displayPath(of node: NodeIndex, ascii: Bool = false) -> String {
        path(of: node).joined(separator: ascii ? " > " : " › ")
    }

    /// The ancestor of `node` at `level` (1 = top level), or nil if `node` is shallower.
    public func ancestor(of node: NodeIndex, atLevel level: Int) -> NodeIndex? {
        guard level >= 1, level <= depths[node] else { return nil }
        var current = node
        while depths[current] > level { current = parents[current] }
        return current
    }

    public var topLevel: [NodeIndex] { children[Self.root] }

    /// The children lists flattened (CSR): the children of `p` are
    /// `childList[childStart[p]..<childStart[p + 1]]`. O(nodes); for hot loops, which then
    /// touch no nested arrays.
    public func flattenedChildren() -> (childStart: [Int], childList: [NodeIndex]) {
        var start = [0]
        var list: [NodeIndex] = []
        list.reserveCapacity(nodeCount)
        for p in 0..<nodeCount {
            list.append(contentsOf: children[p])
            start.append(list.count)
        }
        return (start, list)
    }
}
