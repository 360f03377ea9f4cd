import StrataCore

/// What attaching vectors to a dataset's items did (for the run's report and its warning).
public struct EmbeddingAttachment: Sendable, Equatable {
    /// Where the vectors came from (the file as given, or the model directory).
    public var source: String
    public var dimension: Int
    /// Items of the dataset with a vector.
    public var matched: Int
    /// Items of the dataset without one.
    public var missing: Int

    /// True when every item got its vector; otherwise nothing was attached and the model uses
    /// TF-IDF for all items (Docs/model.md §7, Docs/language-model.md §6).
    public var isComplete: Bool { missing == 0 }

    /// Attaches `table` to `dataset`'s items by id (or by row for an id-less `.npy` table,
    /// which must have exactly one row per item in catalogue order). An id that is not an item
    /// of the dataset is an error naming the file and the line. When some items have no vector
    /// nothing is attached: content vectors are all embeddings or all TF-IDF, never a mix.
    public static func attach(_ table: EmbeddingTable, source: String, to dataset: inout Dataset) throws -> EmbeddingAttachment {
        let items = dataset.catalogue.items
        var vectors = [[Float]?](repeating: nil, count: items.count)
        if let ids = table.ids {
            let format = EmbeddingFormat(path: source)
            for (row, id) in ids.enumerated() {
                guard let index = dataset.catalogue.index(of: id) else {
                    throw DatasetError(file: source, line: EmbeddingFile.lineOf(row: row, format: format), field: "id", kind: .outOfRange,
                                       message: "\(InputText.quoted(id)) is not an item of \(InputText.quoted(dataset.name)) (\(items.count) items): is it another dataset's file?")
                }
                vectors[index] = table.vectors[row]
            }
        } else {
            guard table.vectors.count == items.count else {
                throw DatasetError(file: source, field: "shape", kind: .wrongFieldCount,
                                   message: "\(table.vectors.count) rows, but the dataset has \(items.count) items (a .npy file is matched by row, in the dataset's item order)")
            }
            for k in items.indices { vectors[k] = table.vectors[k] }
        }
        let matched = vectors.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        let attachment = EmbeddingAttachment(source: source, dimension: table.dimension, matched: matched, missing: items.count - matched)
        guard attachment.isComplete else { return attachment }
        dataset.replaceItems(items.enumerated().map { k, item in
            var item = item
            item.embedding = vectors[k]
            return item
        })
        return attachment
    }

    /// The warning to print when the file left items without a vector.
    public var fallbackWarning: String? {
        guard !isComplete else { return nil }
        return "\(InputText.escaped(source)): \(missing) of \(matched + missing) items have no vector; using TF-IDF item vectors for all items (Docs/language-model.md §6)"
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
