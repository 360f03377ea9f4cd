import StrataCore
import StrataData

/// A session read by `export` and `plot`: its settings and decisions, checked against the
/// dataset, without writing to the file (Docs/sessions.md §1), so a trace or chart shows what
/// the explorer showed.
struct SessionReading {
    let path: String
    let config: ModelConfig
    let decisions: [ReplayDecision]
    let accepted: Int
    let fingerprint: String

    /// The `session` record outputs carry beside their config: which session was replayed,
    /// with how many decisions.
    var record: [String: String] {
        ["file": path, "decisions": String(decisions.count), "accepted": String(accepted), "fingerprint": fingerprint]
    }

    /// `metadata` of a trace or chart: `session` → `record`.
    var metadata: [String: [String: String]] { ["session": record] }

    /// Reads the session at `path` for `dataset`. A missing, damaged or foreign file, one of
    /// another dataset, a stored config Strata cannot use, or `--set`/`--config` asking for
    /// other settings (`overridden`) is an error naming the file, before anything is written.
    static func read(_ path: String, dataset: Dataset, requested: ModelConfig, overridden: Bool) throws -> SessionReading {
        let contents = try SessionStore.readContents(at: path)
        let fingerprint = SessionOpening.fingerprint(of: dataset)
        guard contents.header.fingerprint == fingerprint else {
            throw SessionError.fingerprintMismatch(path: path, expected: fingerprint, found: contents.header.fingerprint)
        }
        let config: ModelConfig
        do {
            config = try SessionOpening.storedConfig(contents.header.config)
        } catch {
            throw SessionError.badConfig(path: path, reason: "\(error)")
        }
        if overridden && config != requested {
            throw CLIError("--set: \(path) keeps the settings it was recorded with and --set/--config ask for others; "
                           + "leave them out (the session's settings are the config of every output made from it)")
        }
        let decisions = try SessionDecisions.resolve(contents.decisions, in: dataset, session: path)
        return SessionReading(path: path, config: config, decisions: decisions,
                              accepted: decisions.count(where: \.accepted), fingerprint: fingerprint)
    }

    /// A replayer at the start of the stream with the session's settings and decisions, which
    /// it applies at the positions they were made.
    func replayer(for dataset: Dataset, hitRateEvery: Int = 10) -> Replayer {
        var replayer = Replayer(dataset: dataset, config: config, hitRateEvery: hitRateEvery, keepsCheckpoints: false)
        replayer.load(decisions: decisions)
        return replayer
    }

    /// ` (replayed 3 decisions of s.strata)` for the command's `wrote` line.
    var summary: String {
        " (replayed \(decisions.count) decision\(decisions.count == 1 ? "" : "s") of \(InputText.escaped(path)))"
    }
}
