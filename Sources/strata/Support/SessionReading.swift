import StrataCore
import StrataData

/// A session read by `export` and `plot`: its settings and decisions, checked against the
/// dataset, without writing to the file (Docs/sessions.md §1), so a trace or chart shows what
/// the explorer showed.
struct SessionReading {
    let path: String
    let config: ModelConfig
    /// The decisions model A learnt (side both or A), which the output replays.
    let decisions: [ReplayDecision]
    let accepted: Int
    /// Decisions of an A/B session given to model B alone: not in A's run, but counted so the
    /// output does not hide them.
    let decisionsForBOnly: Int
    let fingerprint: String

    /// The `session` record outputs carry beside their config: which session was replayed,
    /// with how many decisions.
    var record: [String: String] {
        var record = ["file": path, "decisions": String(decisions.count), "accepted": String(accepted), "fingerprint": fingerprint]
        if decisionsForBOnly > 0 { record["decisions_b_only"] = String(decisionsForBOnly) }
        return record
    }

    /// `metadata` of a trace or chart: `session` → `record`.
    var metadata: [String: [String: String]] { ["session": record] }

    /// Reads the session at `path` for `dataset`. A missing, damaged or foreign file, one of
    /// another dataset, a stored config Strata cannot use, or `--set`/`--config` asking for
    /// other settings (`overridden`) is an error naming the file, before anything is written.
    static func read(_ path: String, dataset: Dataset, requested: ModelConfig, overridden: Bool,
                     itemVectors: ItemVectorsRecord) throws -> SessionReading {
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
        try SessionOpening.checkItemVectors(at: path, run: itemVectors)
        // Outputs show model A (the session's settings); B of an A/B session is the explorer's.
        let all = try SessionDecisions.resolve(contents.decisions, in: dataset, session: path)
        let decisions = all.filter(\.reachesA)
        return SessionReading(path: path, config: config, decisions: decisions, accepted: decisions.count(where: \.accepted),
                              decisionsForBOnly: all.count - decisions.count, fingerprint: fingerprint)
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
