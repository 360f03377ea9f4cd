import Foundation
import StrataCore
import StrataData

/// Creates or reopens a session for a dataset, shared by `explore` and `replay`: a new session
/// records the requested settings; a reopened one keeps the settings it was created with, so it
/// replays exactly (Docs/sessions.md §1).
enum SessionOpening {
    /// - Parameter overridden: `--set` was given; on a reopened session whose settings differ
    ///   that is an error (the settings would be ignored), never a silent default.
    static func open(at path: String, dataset: Dataset, label: String, requested: ModelConfig,
                     overridden: Bool) throws -> (store: SessionStore, config: ModelConfig) {
        let fingerprint = fingerprint(of: dataset)
        // The stored config is checked before the file is opened for writing, so a session
        // Strata cannot replay exactly is left as it was.
        let store = try SessionStore.open(
            at: path, fingerprint: fingerprint, datasetName: label, config: try JSONOutput.line(requested),
            configProblem: { text in
                do { _ = try storedConfig(text) } catch { return "\(error)" }
                return nil
            })
        do {
            let stored = try storedConfig(store.header.config)
            if !store.isNew && overridden && stored != requested {
                throw CLIError("--set: \(path) keeps the settings it was created with and --set asks for others; "
                               + "leave out --set (the session's settings are the config of every report)")
            }
            return (store, stored)
        } catch {
            try? store.close()
            throw error
        }
    }

    /// What a session records of its dataset (a scenario's has no file digests: its name).
    static func fingerprint(of dataset: Dataset) -> String {
        dataset.fingerprint.isEmpty ? "dataset:\(dataset.name)" : dataset.fingerprint
    }

    /// The config a session stored, decoded and range-checked; anything else is refused
    /// (replaying with defaults would give other numbers under the session's name).
    static func storedConfig(_ text: String) throws -> ModelConfig {
        let decoded: ModelConfig
        do {
            decoded = try JSONDecoder().decode(ModelConfig.self, from: Data(text.utf8))
        } catch {
            throw CLIError("not a model config in JSON (\(SettingRange.shown(describe(error))))")
        }
        return try decoded.validated()
    }

    /// One line for a decoding failure: what was wrong and where.
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .dataCorrupted(let context): return "not valid JSON at \(path(context))"
        case .keyNotFound(let key, let context): return "missing \(path(context, key))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "wrong value at \(path(context))"
        @unknown default: return "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
        let keys = context.codingPath + (key.map { [$0] } ?? [])
        return keys.isEmpty ? "the top level" : keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}

extension SessionOpening {
    /// Model B of a session: a new session stores the requested one; a reopened one keeps what
    /// it was created with (asking for another pair is an error, like `--set`), so the pair
    /// replays exactly (Docs/sessions.md §2).
    /// Checks a requested B against the one stored at `path` before the file is opened for
    /// writing, so a refused reopen leaves the file byte for byte as it was.
    static func checkComparison(at path: String, requested: ComparisonOptions.Spec?) throws {
        guard let requested, let text = try SessionStore.storedComparison(at: path) else { return }
        let stored = try decodeComparison(text, path: path)
        if requested != stored { throw conflict(path: path, stored: stored) }
    }

    private static func decodeComparison(_ text: String, path: String) throws -> ComparisonOptions.Spec {
        do {
            return try JSONDecoder().decode(ComparisonOptions.Spec.self, from: Data(text.utf8))
        } catch {
            throw CLIError("\(path): the stored model B is not readable (\(SettingRange.shown("\(error)")))")
        }
    }

    private static func conflict(path: String, stored: ComparisonOptions.Spec) -> CLIError {
        CLIError("\(path) keeps the model B it was created with (\(SettingRange.shown(stored.label))); "
                 + "leave out --compare, --b-set and --model, or use a new session file")
    }

    static func comparison(of store: SessionStore, requested: ComparisonOptions.Spec?) throws -> ComparisonOptions.Spec? {
        if store.isNew {
            if let requested { try store.recordComparison(try JSONOutput.line(requested)) }
            return requested
        }
        guard let text = try store.comparison() else {
            if requested != nil {
                throw CLIError("\(store.path) was recorded with one model; --compare and --model need a new session file")
            }
            return nil
        }
        let stored = try decodeComparison(text, path: store.path)
        if let requested, requested != stored { throw conflict(path: store.path, stored: stored) }
        return stored
    }
}

extension SessionOpening {
    /// What must match for a session to replay with these item vectors: their kind, digest,
    /// dimension and taxonomy (not where the file lies).
    static func vectorIdentity(_ record: ItemVectorsRecord) -> ItemVectorsRecord {
        // A fallback to TF-IDF (a file missing items) replays like no file at all.
        guard record.kind == .embeddings else { return .tfidf }
        var identity = ItemVectorsRecord(kind: record.kind, sha256: record.sha256, dimension: record.dimension)
        identity.taxonomy = record.taxonomy
        return identity
    }

    static func describe(_ record: ItemVectorsRecord) -> String {
        guard record.kind == .embeddings else { return "TF-IDF item vectors (no --embeddings, no --embed)" }
        var text = "item vectors \(record.dimension.map { "of \($0) dimensions " } ?? "")"
        if let file = record.file { text += "from \(InputText.escaped(file)) " }
        if let model = record.model { text += "from --embed \(model) " }
        text += "(sha256 \(String((record.sha256 ?? "").prefix(12))))"
        if let taxonomy = record.taxonomy { text += " and a taxonomy from them (\(taxonomy))" }
        return text
    }

    /// A session made with other item vectors than this run's is refused, read-only, before
    /// anything is written: its decisions would replay against another model. Sessions from
    /// before migration v3 record none and are not checked.
    static func checkItemVectors(at path: String, run: ItemVectorsRecord) throws {
        guard let text = try SessionStore.storedItemVectors(at: path) else { return }
        try compare(stored: text, run: run, path: path)
    }

    static func compare(stored text: String, run: ItemVectorsRecord, path: String) throws {
        let stored: ItemVectorsRecord
        do {
            stored = try JSONDecoder().decode(ItemVectorsRecord.self, from: Data(text.utf8))
        } catch {
            throw CLIError("\(path): the stored item vectors record is not readable (\(SettingRange.shown("\(error)")))")
        }
        guard vectorIdentity(stored) != vectorIdentity(run) else { return }
        throw CLIError("\(path) was recorded with \(describe(stored)); this run has \(describe(run)): "
                       + "give the same --embeddings or --embed (and --taxonomy) to replay it")
    }

    /// Stores the run's item vectors in a new session.
    static func recordItemVectors(_ record: ItemVectorsRecord, in store: SessionStore) throws {
        if store.isNew { try store.recordItemVectors(try JSONOutput.line(record)) }
    }
}
