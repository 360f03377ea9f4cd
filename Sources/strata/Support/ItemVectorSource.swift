import Foundation
import StrataCore
import StrataData

/// `--embeddings FILE` or `--embed MODEL` of a data source (Docs/language-model.md §6):
/// attaches the vectors to the loaded items and records which vectors the run uses. A file
/// that leaves items without a vector attaches nothing: the run uses TF-IDF for all items
/// and a warning gives the count.
struct ItemVectorSource {
    var embeddings: String?
    var embed: String?

    func attach(to loaded: inout LoadedSource) throws {
        let items = loaded.dataset.catalogue.count
        if let embeddings {
            let table = try EmbeddingFile.read(path: embeddings)
            let attachment = try EmbeddingAttachment.attach(table, source: embeddings, to: &loaded.dataset)
            let record = ItemVectorsRecord(kind: attachment.isComplete ? .embeddings : .tfidf, file: embeddings,
                                           sha256: try FileDigest.sha256(ofFileAt: embeddings),
                                           dimension: attachment.dimension, covered: attachment.matched, items: items)
            loaded.itemVectors = record
            if let warning = attachment.fallbackWarning { loaded.warnings.append(warning) }
        } else if let embed {
            let model = try ModelReference.resolve(embed)
            let texts = loaded.dataset.catalogue.items.map { IdentifiedText(id: $0.id, text: ItemTextFields.standard.text(of: $0)) }
            let result = try TextEmbedder(model: model, cache: EmbeddingCache(), showsProgress: isatty(STDERR_FILENO) == 1).embed(texts)
            let attachment = try EmbeddingAttachment.attach(result.table, source: model.directory, to: &loaded.dataset)
            loaded.itemVectors = ItemVectorsRecord(kind: .embeddings, sha256: result.key, model: embed,
                                                   dimension: attachment.dimension, covered: attachment.matched, items: items)
        }
    }
}
