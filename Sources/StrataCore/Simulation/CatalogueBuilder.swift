/// Expands a `CatalogueSpec` into items: leaves in depth-first order, each with its count of
/// items, titled by `TitleGenerator` (Docs/scenarios.md §2).
struct CatalogueBuilder {
    let spec: CatalogueSpec
    let seed: UInt64

    struct Result {
        var catalogue: Catalogue
        var leafPaths: [String]
        var leafOfItem: [Int]
        var itemsByLeaf: [[ItemIndex]]
        /// The first item of each leaf (every leaf has at least one).
        var leafFirstItems: [ItemIndex]
    }

    private struct Leaf {
        var path: [String]
        var spec: CategorySpec
        var patterns: [String]
        var words: [String: [String]]
    }

    func build() -> Result {
        var leaves: [Leaf] = []
        collect(spec.categories, path: [], patterns: spec.titles.patterns, words: spec.titles.words, into: &leaves)

        var generator = TitleGenerator(seed: seed, maximumLength: spec.titles.maximumLength)
        // Explicit titles are reserved first so generated ones never clash with them.
        for leaf in leaves { for title in leaf.spec.titles { _ = generator.reserve(title) } }

        var items: [Item] = []
        var leafOfItem: [Int] = []
        var itemsByLeaf: [[ItemIndex]] = []
        let total = leaves.reduce(0) { $0 + count(of: $1.spec) }
        let digits = max(4, String(total).count)
        for (leafIndex, leaf) in leaves.enumerated() {
            let n = count(of: leaf.spec)
            var members: [ItemIndex] = []
            for number in 1...n {
                let title = number <= leaf.spec.titles.count
                    ? leaf.spec.titles[number - 1]
                    : generator.title(patterns: leaf.patterns, words: leaf.words,
                                      leaf: leaf.path.last ?? "", top: leaf.path.first ?? "", number: number)
                let serial = String(items.count + 1)
                let id = spec.idPrefix + String(repeating: "0", count: max(0, digits - serial.count)) + serial
                members.append(items.count)
                items.append(Item(id: id, title: title, paths: [leaf.path]))
                leafOfItem.append(leafIndex)
            }
            itemsByLeaf.append(members)
        }
        return Result(catalogue: Catalogue(items: items),
                      leafPaths: leaves.map { $0.path.joined(separator: "/") },
                      leafOfItem: leafOfItem, itemsByLeaf: itemsByLeaf,
                      leafFirstItems: itemsByLeaf.map { $0[0] })
    }

    private func count(of leaf: CategorySpec) -> Int {
        leaf.items ?? (leaf.titles.isEmpty ? spec.itemsPerLeaf : leaf.titles.count)
    }

    private func collect(_ categories: [CategorySpec], path: [String], patterns: [String],
                         words: [String: [String]], into leaves: inout [Leaf]) {
        for category in categories {
            var merged = words
            for key in category.titleWords.keys.sorted() { merged[key] = category.titleWords[key] }
            let own = category.titlePatterns ?? patterns
            if category.isLeaf {
                leaves.append(Leaf(path: path + [category.name], spec: category, patterns: own, words: merged))
            } else {
                collect(category.children, path: path + [category.name], patterns: own, words: merged, into: &leaves)
            }
        }
    }
}
