#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import StrataCore
import Synchronization

/// Loads a large log behind the explorer's preview of its head, then replays it up to where
/// the explorer is, with the decisions made on the preview, and hands that replayer over
/// (Docs/explorer.md design note 6). The explorer asks `follow` once a frame.
///
/// A class: it owns a background worker and the state both sides share, every access to
/// which goes through one `Mutex` (hence `Sendable`).
public final class WholeLogLoader: Sendable {
    /// What the whole log's loading produced.
    public struct Loaded: Sendable {
        public var dataset: Dataset
        /// Load warnings (skipped lines…), printed when the explorer closes.
        public var warnings: [String]
        public init(dataset: Dataset, warnings: [String]) {
            self.dataset = dataset
            self.warnings = warnings
        }
    }

    /// Reads the whole log; reports the share of its bytes read, 0…1.
    public typealias Load = @Sendable (_ progress: @escaping @Sendable (Double) -> Void) throws -> Loaded

    /// What the explorer shows while it runs on the preview.
    public enum Phase: Hashable, Sendable {
        case loading(fraction: Double)
        /// The whole log is read; its replayer is at `position` on its way to the explorer's.
        case catchingUp(position: Int, target: Int)
        case failed(String)
    }

    /// The answer to `follow`.
    public enum Status: Sendable {
        case running(Phase)
        /// The whole log's replayer, at exactly the explorer's position with the same decisions.
        case ready(Replayer, eventsPerUser: [Int], warnings: [String])
        /// Handed over before, or stopped.
        case finished
    }

    private struct Shared: Sendable {
        var phase = Phase.loading(fraction: 0)
        var position = 0
        var decisions: [ReplayDecision] = []
        /// The whole log's replayer parked at `position`/`decisions` for the explorer to take.
        var parked: Replayer?
        var eventsPerUser: [Int] = []
        var warnings: [String] = []
        var handedOver = false
        var cancelled = false
    }

    private let shared = Mutex(Shared())
    private let preview: Dataset
    private let config: ModelConfig
    private let load: Load
    /// Events the worker replays between two looks at where the explorer is.
    private let batch: Int

    public init(preview: Dataset, config: ModelConfig, batch: Int = 1_000, load: @escaping Load) {
        self.preview = preview
        self.config = config
        self.batch = max(1, batch)
        self.load = load
    }

    /// Starts loading on a background thread.
    public func start() {
        DispatchQueue(label: "strata whole log", qos: .userInitiated).async { [self] in run() }
    }

    /// Stops the worker at its next look (the explorer is closing).
    public func cancel() { shared.withLock { $0.cancelled = true } }

    /// Tells the worker where the explorer is (position, decisions with the preview's indices,
    /// in the order they were made) and returns what is happening.
    public func follow(position: Int, decisions: [ReplayDecision]) -> Status {
        shared.withLock { state in
            if state.handedOver || state.cancelled { return .finished }
            state.position = position
            if decisions.count != state.decisions.count { state.decisions = decisions }
            if let parked = state.parked, parked.position == position, parked.decisions.count == decisions.count {
                state.parked = nil
                state.handedOver = true
                return .ready(parked, eventsPerUser: state.eventsPerUser, warnings: state.warnings)
            }
            return .running(state.phase)
        }
    }

    /// The phase now (for tests and the exit summary).
    public var phase: Phase { shared.withLock { $0.phase } }

    /// The whole log's load warnings (empty until it is read).
    public var warnings: [String] { shared.withLock { $0.warnings } }

    // MARK: The worker

    private func run() {
        let loaded: Loaded
        do {
            loaded = try load { [self] fraction in self.shared.withLock { $0.phase = .loading(fraction: min(1, max(0, fraction))) } }
        } catch {
            shared.withLock { $0.phase = .failed("\(error)") }
            return
        }
        let whole = loaded.dataset
        var counts = Array(repeating: 0, count: whole.userIDs.count)
        for event in whole.events { counts[event.user] += 1 }
        let translator = DecisionTranslator(from: preview, to: whole)
        // Optional so that parking moves it out: the explorer then owns the only reference
        // (a copy left here would make its first step copy the whole model).
        var replayer: Replayer? = Replayer(dataset: whole, config: config)
        shared.withLock {
            $0.eventsPerUser = counts
            $0.warnings = loaded.warnings
            $0.phase = .catchingUp(position: 0, target: $0.position)
        }
        var translated: [ReplayDecision] = []
        while true {
            let (target, decisions, stop) = shared.withLock { ($0.position, $0.decisions, $0.cancelled) }
            if stop { return }
            if decisions.count > translated.count {
                guard let more = translator.translate(decisions[translated.count...]) else {
                    shared.withLock { $0.phase = .failed("a decision names a user or item the whole log does not have") }
                    return
                }
                translated += more
                replayer!.extendDecisions(to: translated)
            }
            if replayer!.position > target {
                replayer!.seek(to: target)
            } else if replayer!.position < target {
                replayer!.step(count: min(batch, target - replayer!.position))
                if replayer!.isAtEnd && replayer!.position < target {
                    shared.withLock { $0.phase = .failed("the whole log has fewer events than the preview") }
                    return
                }
            }
            let position = replayer!.position
            let parked: Bool = shared.withLock { state in
                state.phase = .catchingUp(position: position, target: state.position)
                guard position == state.position, translated.count == state.decisions.count else { return false }
                state.parked = replayer.take()
                return true
            }
            guard parked else { continue }
            // Parked: wait until the explorer takes it, or moves on (then take it back).
            while replayer == nil {
                usleep(1_000)
                let ended: Bool = shared.withLock { state in
                    if state.handedOver || state.cancelled { return true }
                    if state.position != position || state.decisions.count != translated.count { replayer = state.parked.take() }
                    return false
                }
                if ended { return }
            }
        }
    }
}

/// Maps decisions made on the preview (its user and item indices) to the whole log's, by id.
struct DecisionTranslator: Sendable {
    private let previewUsers: [String]
    private let previewItems: [String]
    private let wholeUsers: [String: UserIndex]
    private let wholeCatalogue: Catalogue

    init(from preview: Dataset, to whole: Dataset) {
        previewUsers = preview.userIDs
        previewItems = preview.catalogue.items.map(\.id)
        var users: [String: UserIndex] = [:]
        users.reserveCapacity(whole.userIDs.count)
        for (index, id) in whole.userIDs.enumerated() { users[id] = index }
        wholeUsers = users
        wholeCatalogue = whole.catalogue
    }

    /// The same decisions with the whole log's indices; nil when one cannot be found.
    func translate(_ decisions: ArraySlice<ReplayDecision>) -> [ReplayDecision]? {
        var out: [ReplayDecision] = []
        for decision in decisions {
            guard previewUsers.indices.contains(decision.user), previewItems.indices.contains(decision.item),
                  let user = wholeUsers[previewUsers[decision.user]],
                  let item = wholeCatalogue.index(of: previewItems[decision.item]) else { return nil }
            var mapped = decision
            mapped.user = user
            mapped.item = item
            out.append(mapped)
        }
        return out
    }
}
