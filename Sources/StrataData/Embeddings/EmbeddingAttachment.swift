import StrataCore

/// What attaching vectors to a dataset's items did (for the run's report).
public struct EmbeddingAttachment: Sendable, Equatable {
    /// Where the vectors came from ("ml-100k.itememb", "all-MiniLM-L6-v2 (computed)").
    public var source: String
    public var dimension: Int
    public var matched: Int
    /// Items with no vector (they get the zero vector: content features 0, Docs/language-model.md §5).
    public var missing: Int
    /// Vectors whose id is not an item of the dataset (ignored).
    public var unused: Int

    /// Attaches `table` to `dataset`'s items, by id (or by row for an id-less `.npy` table,
    /// which must have exactly one row per item in catalogue order). Items without a vector
    /// get the zero vector; a table that matches no item at all is an error (most likely the
    /// file of another dataset).
    public static func attach(_ table: EmbeddingTable, source: String, to dataset: inout Dataset) throws -> EmbeddingAttachment {
        let items = dataset.catalogue.items
        let dimension = table.dimension
        var vectors = [[Float]?](repeating: nil, count: items.count)
        var unused = 0
        if let ids = table.ids {
            for (row, id) in ids.enumerated() {
                if let index = dataset.catalogue.index(of: id) { vectors[index] = table.vectors[row] } else { unused += 1 }
            }
        } else {
            guard table.vectors.count == items.count else {
                throw DatasetError(file: source, field: "shape", kind: .wrongFieldCount,
                                   message: "\(table.vectors.count) rows, but the dataset has \(items.count) items (a .npy file is matched by row, in the dataset's item order)")
            }
            for k in items.indices { vectors[k] = table.vectors[k] }
        }
        let matched = vectors.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        guard matched > 0 else {
            throw DatasetError(file: source, field: "id", kind: .missingColumn,
                               message: "no id of the file is an item of \(InputText.quoted(dataset.name)) (\(table.vectors.count) vectors, \(items.count) items): is it another dataset's file?")
        }
        let zero = [Float](repeating: 0, count: dimension)
        let withVectors = items.enumerated().map { k, item in
            var item = item
            item.embedding = vectors[k] ?? zero
            return item
        }
        dataset.replaceItems(withVectors)
        return EmbeddingAttachment(source: source, dimension: dimension, matched: matched, missing: items.count - matched, unused: unused)
    }
}

extension Dataset {
    /// Replaces the catalogue by one of the same items in the same order (so every
    /// `ItemIndex` of the events stays valid) with new fields — vectors, or paths from
    /// `EmbeddingTaxonomy`.
    public mutating func replaceItems(_ items: [Item]) {
        precondition(items.count == catalogue.count, "replacing \(catalogue.count) items by \(items.count)")
        let rebuilt = Catalogue(items: items)
        precondition(rebuilt.count == catalogue.count, "duplicate item ids in the replacement catalogue")
        catalogue = rebuilt
    }
}
