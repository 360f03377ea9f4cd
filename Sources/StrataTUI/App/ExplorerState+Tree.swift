import StrataCore

/// One visible row of the interest tree.
public struct TreeRow: Hashable, Sendable {
    public var node: NodeIndex
    /// 0 for top-level nodes.
    public var indent: Int
    public var hasChildren: Bool
    public var isExpanded: Bool
}

extension ExplorerState {
    /// The rows of the collapsible tree, depth first in taxonomy order. O(visible nodes).
    public func visibleTreeRows() -> [TreeRow] {
        let taxonomy = model.taxonomy
        var rows: [TreeRow] = []
        func visit(_ node: NodeIndex, indent: Int) {
            let children = taxonomy.children[node]
            let open = expanded.contains(node)
            rows.append(TreeRow(node: node, indent: indent, hasChildren: !children.isEmpty, isExpanded: open && !children.isEmpty))
            if open { for child in children { visit(child, indent: indent + 1) } }
        }
        for top in taxonomy.topLevel { visit(top, indent: 0) }
        return rows
    }

    mutating func toggleFold(_ node: NodeIndex) {
        guard node > 0, node < model.taxonomy.nodeCount, !model.taxonomy.children[node].isEmpty else { return }
        if expanded.contains(node) { expanded.remove(node) } else { expanded.insert(node) }
        keepSelectionsVisible()
    }

    /// Opens the top-level node the focused user holds most strongly in the long tier (or the
    /// first one before any evidence), so the first screen shows some depth.
    mutating func expandStrongestTopLevel() {
        let taxonomy = model.taxonomy
        let tierCount = model.tiers.count
        let top = taxonomy.topLevel.max { a, b in
            let sa = siblingShares.indices.contains(a * tierCount + tierCount - 1) ? siblingShares[a * tierCount + tierCount - 1] : 0
            let sb = siblingShares.indices.contains(b * tierCount + tierCount - 1) ? siblingShares[b * tierCount + tierCount - 1] : 0
            return sa < sb || (sa == sb && a > b)
        }
        if let top { expanded.insert(top) }
    }
}
