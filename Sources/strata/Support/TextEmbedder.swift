import Foundation
import StrataCore
import StrataData
import StrataLanguage

/// Embeds identified texts with a sentence encoder, through the embedding cache
/// (Docs/language-model.md §5): unchanged texts under an unchanged model are read back, not
/// recomputed. Shared by `strata embed` and `--embed` on the commands that run a model.
struct TextEmbedder {
    var model: ModelReference
    var cache: EmbeddingCache
    /// Progress (rate, ETA) on stderr: `ProgressOptions.enabled`, or stderr is a terminal.
    var showsProgress: Bool

    struct Result {
        var table: EmbeddingTable
        /// The cache key (SHA-256 of the model's files and the texts).
        var key: String
        var fromCache: Bool
    }

    func embed(_ texts: [IdentifiedText]) throws -> Result {
        let key = EmbeddingCache.key(modelDigests: try model.digests(), texts: texts)
        let ids = texts.map(\.id)
        if let table = cache.lookup(key, ids: ids) {
            return Result(table: table, key: key, fromCache: true)
        }
        let encoder: SentenceEncoder
        do {
            encoder = try SentenceEncoder(directory: model.directory)
        } catch {
            throw CLIError("--model \(InputText.escaped(model.name)): \(error)")
        }
        let reporter = ProgressReporter(label: "embed \(model.name)", total: texts.count, unit: "texts",
                                         enabled: showsProgress, inPlace: isatty(STDERR_FILENO) == 1)
        let vectors = encoder.embed(texts.map(\.text)) { done, _ in reporter.update(done) }
        reporter.finish()
        let table = EmbeddingTable(ids: ids, vectors: vectors)
        do {
            try cache.store(table, key: key)
        } catch {
            printError("strata: could not keep the embeddings in the cache (\(InputText.escaped(cache.directory))): \(error)")
        }
        return Result(table: table, key: key, fromCache: false)
    }
}
