import ArgumentParser
import Foundation
import StrataCore
import StrataData
import StrataTUI

/// `strata explore` (and `strata` alone): the terminal explorer of SPEC §8 (Docs/explorer.md).
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Open the terminal explorer (what `strata` alone opens).",
        discussion: """
        Replays the stream and shows the focused user's interest tiers, the learned weights and \
        the recommendations as they change; accept (a) or reject (r) a recommendation and the \
        model learns from it at once. Press ? inside for every key; see Docs/explorer.md. \
        With --session, every decision is committed as it is made and reopening the same file \
        comes back to the exact state (same state hash).
        """
    )

    @OptionGroup var source: DataSourceOptions
    @OptionGroup var overrides: ConfigOverrides
    @OptionGroup var comparisonOptions: ComparisonOptions

    @Option(name: .long, help: "A session file (SQLite) to create, or to reopen where it was left.")
    var session: String?

    @Option(name: .long, help: "The user to focus first (external id, e.g. cleo).")
    var user: String?

    @Option(name: .customLong("query-model"), help: ArgumentHelp("The language model that embeds what / searches by meaning: minilm, a sentence-transformers directory, or none (default: the --embed model; with --embeddings, minilm when it is fetched and its dimension matches).", valueName: "name|dir|none"))
    var queryModel: String?

    @Option(name: .long, help: ArgumentHelp("Play a lesson: a built-in one (tiers, drift, feedback) or a lesson file (Docs/lessons.md).", valueName: "name|file"))
    var lesson: String?

    @Option(name: .long, help: ArgumentHelp("Colour theme: standard (colour-blind safe) or projector (light background, high contrast); the c key switches.", valueName: "standard|projector"))
    var theme: String = "standard"

    @Flag(name: .long, help: "Open paused (bare `strata` starts the demo playing at 100 events/s).")
    var paused = false

    @Option(name: .long, help: "Frames per second, 1 to 60.")
    var fps: Int = 30

    @Flag(name: .customLong("no-mouse"), help: "Do not ask the terminal for mouse reports: no clicks, the terminal's own text selection.")
    var noMouse = false

    @Flag(name: .customLong("whole-log"), help: "Load a large log whole before the first frame (by default the explorer opens on its head while the rest loads).")
    var wholeLog = false

    @Flag(name: .long, help: .hidden)
    var printStateHashOnExit = false

    /// Prints the explorer's figures as JSON and exits (`strata bench` has them too).
    @Flag(name: .long, help: .hidden)
    var benchmark = false

    func validate() throws {
        guard (1...60).contains(fps) else { throw ValidationError("--fps must be from 1 to 60, got \(fps)") }
        guard ColorTheme(rawValue: theme) != nil else {
            throw ValidationError("--theme must be one of: \(ColorTheme.allCases.map(\.rawValue).joined(separator: ", ")), got \(InputText.quoted(theme))")
        }
        _ = try comparisonOptions.spec(configA: try requestedConfig(), command: "explore", uses: [.learning, .slates])
    }

    func run() throws {
        if benchmark {
            try JSONOutput.print(ExplorerBenchmark.run(clock: monotonicNanoseconds))
            return
        }
        // A lesson is read (and refused, with its file and line) before anything else starts.
        let lessonToPlay: Lesson?
        do {
            lessonToPlay = try lesson.map { try BuiltInLessons.load($0) }
        } catch {
            throw CLIError("\(error)")
        }
        let capabilities = TerminalCapabilities.detect()
        if let problem = capabilities.problem {
            printError("strata: \(problem)")
            throw ExitCode(2)
        }
        var source = source
        if let lessonToPlay, source.dataset == nil, source.scenario == nil { source.scenario = lessonToPlay.scenario }
        let asksForPair = comparisonOptions.isComparing || comparisonOptions.model != nil
        // A large log opens on its head while the whole log loads (Docs/explorer.md design note 6);
        // a session, a lesson or a pair need the whole log from the first event.
        let head = wholeLog || session != nil || lessonToPlay != nil || asksForPair ? nil : try ExplorerPreview.head(of: source, user: user)
        let loaded = try head ?? source.load()
        let lessonRun: LessonRun?
        do {
            lessonRun = try lessonToPlay.map { try LessonRun(lesson: $0, dataset: loaded.dataset) }
        } catch {
            throw CLIError("lesson \(lesson ?? ""): \(error)")
        }
        let requested = try requestedConfig()
        if let session, asksForPair {
            try SessionOpening.checkComparison(at: session, requested: try comparisonOptions.spec(configA: requested, command: "explore", uses: [.learning, .slates]))
        }
        if let session { try SessionOpening.checkItemVectors(at: session, run: loaded.itemVectors) }
        let opened = try session.map { try SessionOpening.open(at: $0, dataset: loaded.dataset, label: loaded.label, requested: requested,
                                                                     overridden: overrides.isOverridden) }
        let store = opened?.store
        let config = opened?.config ?? requested
        var spec = try comparisonOptions.spec(configA: config, command: "explore", uses: [.learning, .slates])
        var bookmarks: [ExplorerBookmark] = []
        do {
            if let store {
                spec = try SessionOpening.comparison(of: store, requested: asksForPair ? spec : nil)
                try SessionOpening.recordItemVectors(loaded.itemVectors, in: store)
                bookmarks = try store.bookmarks().map(BookmarkConversion.explorer)
            }
        } catch {
            try? store?.close()
            throw error
        }
        var replayer = Replayer(dataset: loaded.dataset, config: config, companion: try spec?.make(for: loaded.dataset))
        if let store { try resume(&replayer, from: store) }
        let world = try loaded.scenario.map { try ScenarioWorld(scenario: $0) }
        let focused = try user.map { id in
            guard let index = loaded.dataset.userIDs.firstIndex(of: id) else {
                throw CLIError("--user \(id): no such user in \(loaded.label) (\(loaded.dataset.userIDs.count) users)")
            }
            return index
        }

        // `/` searches by meaning with the model that embedded the items (before the terminal
        // is taken, so a bad model directory is a plain error).
        let queryEncoder: SentenceQueryEncoder?
        do {
            queryEncoder = try SentenceQueryEncoder.choose(requested: queryModel, embed: source.embed, embeddingsGiven: source.embeddings != nil,
                                                           dimension: loaded.dataset.catalogue.items.first?.embedding?.count)
        } catch {
            try? store?.close()
            throw error
        }

        ExplorerLauncher.unblockTerminalSignals()
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(capabilities: capabilities, mouse: !noMouse)
        } catch {
            try? store?.close()
            printError("strata: \(error)")
            throw ExitCode(2)
        }
        let configuration = ExplorerState.Configuration(
            sourceLabel: loaded.label, framesPerSecond: fps,
            sessionName: session.map { URL(fileURLWithPath: $0).lastPathComponent }, ascii: !terminal.isUTF8,
            comparison: spec?.setup)
        var state = ExplorerState(replayer: replayer, world: world, configuration: configuration,
                                  focusedUser: focused, size: terminal.size, queryEncoder: queryEncoder,
                                  previewOfEvents: head == nil ? nil : loaded.dataset.events.count)
        state.adoptBookmarks(bookmarks)
        let loader = head.map { ExplorerPreview.wholeLog(of: source, preview: $0.dataset, config: config) }
        loader?.start()
        state.useTheme(ColorTheme(rawValue: theme) ?? .standard)
        // Bare `strata` (no argument at all): the demo plays at once, with a hint of the keys.
        if let lessonRun {
            state.startLesson(lessonRun)
        } else if CommandLine.arguments.count == 1 && !paused {
            state.startWelcome()
        }
        let host = SessionHost(store: store, dataset: loaded.dataset)
        let outcome = ExplorerLauncher.run(state, on: terminal, host: host, framesPerSecond: fps,
                                           isAttached: ExplorerLauncher.standardInputIsAttached, wholeLog: loader)
        terminal.shutdown()

        let final = outcome.state
        let hash = final.model.stateHash
        if let store {
            do {
                try store.updateLastState(position: final.replayer.position, stateHash: hash)
                try store.close()
            } catch {
                host.problems.append("\(error)")
            }
        }
        for warning in final.preview == nil ? (loader?.warnings ?? loaded.warnings) : loaded.warnings { printError(warning) }
        for problem in host.problems { printError("strata: \(problem)") }
        print(Self.summary(final, hash: hash, fullHash: printStateHashOnExit, session: session))
        if let loader, case .failed(let message) = loader.phase {
            printError("strata: \(source.dataset ?? "the log"): the whole log did not load, only its first "
                       + "\(NumberText.grouped(loaded.dataset.events.count)) events were explored: \(message)")
            Self.exitAtOnce(1)
        }
        switch outcome.exit {
        case .quit: Self.exitAtOnce(0)
        case .signal(.interrupt): Self.exitAtOnce(130)
        case .signal(.terminate): Self.exitAtOnce(143)
        case .signal(.hangup): Self.exitAtOnce(129)
        }
    }

    /// Ends the process once everything is said and saved, without freeing the model first:
    /// on a 10 M-event log that is seconds of releasing users and rows after the summary line.
    static func exitAtOnce(_ status: Int32) -> Never {
        fflush(nil)   // every C stream: the summary line is on standard output
        Foundation.exit(status)
    }

    /// The explorer shows recommendation lists, so it reads every kind of setting but the
    /// weak negatives of recorded slates (it records none: Docs/model.md design note 8).
    func requestedConfig() throws -> ModelConfig { try overrides.config(command: "explore", uses: [.learning, .slates]) }

    /// `strata: stopped at 4,210/8,200 · 3 decisions · state a1b2c3d4e5f6 · session demo.strata`.
    static func summary(_ state: ExplorerState, hash: String, fullHash: Bool, session: String?) -> String {
        var parts = ["stopped at \(state.replayer.position)/\(state.replayer.total)",
                     "\(state.decisionCount) decision\(state.decisionCount == 1 ? "" : "s")",
                     "state \(fullHash ? hash : String(hash.prefix(12)))"]
        if let companion = state.replayer.companion {
            let b = companion.stateHash
            parts.append("B \(state.comparison?.label ?? "") state \(fullHash ? b : String(b.prefix(12)))")
        }
        if let preview = state.preview {
            parts.append("preview of the log's first \(NumberText.grouped(preview.events)) events (the whole log was still loading)")
        }
        if let session {
            parts.append("session \(session)")
        } else if state.decisionCount > 0 {
            parts.append("decisions not saved: --session FILE keeps them")
        }
        return "strata: " + parts.joined(separator: " · ")
    }

    /// Replays the session's decisions and moves to where it was left: the later of the saved
    /// position and the last decision (SPEC §7).
    private func resume(_ replayer: inout Replayer, from store: SessionStore) throws {
        let decisions = try SessionDecisions.resolve(store.decisions(), in: replayer.dataset, session: store.path)
        replayer.load(decisions: decisions)
        let header = try store.currentHeader()
        let target = max(header.lastPosition ?? 0, decisions.map(\.position).max() ?? 0)
        replayer.seek(to: target)
    }
}

/// Performs the explorer's effects on a session store; keeps problems to print after the
/// terminal is given back (nothing may write to it while the explorer owns it).
final class SessionHost: ExplorerHost {
    let store: SessionStore?
    let dataset: Dataset
    var problems: [String] = []

    init(store: SessionStore?, dataset: Dataset) {
        self.store = store
        self.dataset = dataset
    }

    func perform(_ effect: ExplorerEffect) -> ExplorerFeedback? {
        // The view is written with or without a session.
        if case .exportView(let view) = effect { return ViewExportWriter.write(view) }
        guard let store else {
            switch effect {
            case .persist(let decision): return .committed(decision)  // no session: nothing to save
            case .bookmark: return .notice("bookmarks need a session: start with --session FILE")
            case .saveLastState, .exportView, .quit: return nil
            }
        }
        do {
            switch effect {
            case .persist(let decision):
                do {
                    try store.record(streamPosition: decision.position, user: dataset.userIDs[decision.user],
                                     item: dataset.catalogue.items[decision.item].id, accepted: decision.accepted,
                                     side: decision.side.rawValue)
                } catch {
                    // Not committed, so the explorer will not apply it (issue 14).
                    problems.append("decision not saved: \(error)")
                    return .persistFailed("\(error)")
                }
                return .committed(decision)
            case .bookmark(let bookmark):
                _ = try store.addBookmark(position: bookmark.position, label: bookmark.label,
                                          view: bookmark.view.map(BookmarkConversion.stored))
                return .bookmarked(bookmark)
            case .saveLastState(let position, let stateHash):
                try store.updateLastState(position: position, stateHash: stateHash)
                return nil
            case .exportView, .quit:
                return nil
            }
        } catch {
            problems.append("\(error)")
            return .saveFailed("\(error)")
        }
    }
}
