import Crypto
import Foundation
import StrataCore

/// Computed embeddings kept in the user cache (`CACHE/embeddings/KEY.itememb`), so the same
/// texts under the same model are not embedded twice (Docs/language-model.md §5). The key is
/// the SHA-256 of the model's file digests and of every (id, text) pair — the texts are made
/// from the data's items and `--fields`, so a changed dataset, field list or model gives a new
/// key. Entries are written atomically; an unreadable entry is recomputed.
public struct EmbeddingCache: Sendable {
    public let directory: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        directory = (CacheLocation.directory(environment: environment) as NSString).appendingPathComponent("embeddings")
    }

    public init(directory: String) { self.directory = directory }

    /// The key of `texts` under a model whose files have `modelDigests` (name → SHA-256).
    public static func key(modelDigests: [String: String], texts: [IdentifiedText]) -> String {
        var hasher = SHA256()
        func add(_ part: String) { hasher.update(data: Data((part + "\u{1F}").utf8)) }
        add("strata-embeddings-1")
        for (name, digest) in modelDigests.sorted(by: { $0.key < $1.key }) { add(name); add(digest) }
        for text in texts { add(text.id); add(text.text) }
        return Hex.string(hasher.finalize())
    }

    public func path(for key: String) -> String { (directory as NSString).appendingPathComponent("\(key).itememb") }

    /// The cached table for `key` when it is there and holds exactly `ids`, in order.
    public func lookup(_ key: String, ids: [String]) -> EmbeddingTable? {
        let path = path(for: key)
        guard FileManager.default.fileExists(atPath: path), let table = try? EmbeddingFile.read(path: path), table.ids == ids else { return nil }
        return table
    }

    public func store(_ table: EmbeddingTable, key: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try EmbeddingFile.write(table, to: path(for: key))
    }
}
