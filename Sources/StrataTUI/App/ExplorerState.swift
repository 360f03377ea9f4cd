import StrataCore

/// The whole explorer as a value (SPEC §8): the replayer and everything the screen shows.
/// It changes only through `apply(_:)`, which returns the effects for the host to perform;
/// `ExplorerScreen.render(_:into:glyphs:)` draws it. Caches the screen needs (shares,
/// recommendations, the weight history, details) are refreshed in `apply`, so rendering is
/// a pure read.
public struct ExplorerState: Sendable {
    /// Fixed facts about the run.
    public struct Configuration: Hashable, Sendable {
        /// What the title bar calls the data (e.g. `scenario:demo`, `ml-100k`).
        public var sourceLabel: String
        public var framesPerSecond: Int
        /// Weight samples kept for the sparklines.
        public var historyCapacity: Int
        public var recommendationCount: Int
        /// The session file's name, shown in the title bar; nil without a session.
        public var sessionName: String?
        /// How often the last state is saved while running, in nanoseconds.
        public var saveInterval: UInt64
        /// Details and search text use ASCII path separators.
        public var ascii: Bool
        /// How model B (the replayer's companion) is shown; ignored without one.
        public var comparison: ComparisonSetup?
        /// Users plus items up to which the paused screen shows the state hash (a larger
        /// model's digest takes seconds: `updateHashIfPaused`).
        public var pausedHashLimit = 250_000

        public init(sourceLabel: String, framesPerSecond: Int = 30, historyCapacity: Int = 240, recommendationCount: Int = 10,
                    sessionName: String? = nil, saveInterval: UInt64 = 3_000_000_000, ascii: Bool = false,
                    comparison: ComparisonSetup? = nil) {
            self.comparison = comparison
            self.sourceLabel = sourceLabel
            self.framesPerSecond = max(1, framesPerSecond)
            self.historyCapacity = max(2, historyCapacity)
            self.recommendationCount = max(1, recommendationCount)
            self.sessionName = sessionName
            self.saveInterval = saveInterval
            self.ascii = ascii
        }
    }

    /// A message shown in the status line for a few seconds.
    public struct Notice: Hashable, Sendable {
        public var text: String
        public var isError: Bool
        var expires: UInt64?
        /// How long it stays once shown, in nanoseconds; nil: 3 s (6 s for an error).
        var duration: UInt64?
    }

    /// The last accept/reject, echoed in the recommendations pane.
    public struct DecisionEcho: Hashable, Sendable {
        public var title: String
        public var accepted: Bool
        public var probabilityBefore: Double
        public var probabilityAfter: Double?
        public var byAutopilot: Bool
    }

    public let configuration: Configuration
    public internal(set) var replayer: Replayer
    /// The scenario's ground truth (simulated data only): truth overlay and autopilot.
    public let autopilotModel: ScenarioAutopilot?
    public internal(set) var size: TerminalSize
    public internal(set) var layout: ExplorerLayout

    // Playback
    public internal(set) var isPlaying = false
    public internal(set) var speedIndex = PlaybackSpeed.defaultIndex
    var lastTick: UInt64?
    var carry = 0.0
    /// Estimated cost of one event at full speed (EWMA of measured ticks), in nanoseconds;
    /// starts cautious (the split on MovieLens-100k costs ≈ 40 µs) so no first frame overruns.
    var nanosecondsPerEvent = 100_000.0
    public internal(set) var lastTickSteps = 0
    /// The furthest position reached; autopilot answers only beyond it (rewinds replay the
    /// recorded answers instead).
    var frontier = 0

    // Focus and view toggles
    public internal(set) var focusedUser: UserIndex
    public internal(set) var followsStream = false
    public internal(set) var focus: ExplorerPane = .tree
    /// The folded pane shown in the compact layout.
    public internal(set) var shownTab: ExplorerPane = .recommendations
    public internal(set) var overlay: ExplorerOverlay?
    public internal(set) var showsTruth = false
    public internal(set) var autopilot = false
    public internal(set) var notice: Notice?
    public internal(set) var shouldQuit = false
    /// The first `q` with unsaved decisions warned; the next one quits.
    var quitWarned = false
    /// The last left press, to tell a double-click (ExplorerState+Mouse.swift).
    var lastClick: Click?

    // Caches for the screen (refreshed in `apply`)
    public internal(set) var recommendations: [Recommendation] = []
    public internal(set) var recommendationSelection = 0
    var recommendationScroll = 0
    /// `p_τ(n)` of the focused user, flat `node * tierCount + tier`, and the table before the
    /// user's interests last changed (the change arrows).
    public internal(set) var siblingShares: [Double] = []
    public internal(set) var baselineSiblingShares: [Double] = []
    /// True share of every node among its siblings (simulated data, when the overlay is on).
    public internal(set) var truthSiblingShares: [Double]?
    /// What `n` / `N` jump to, and the session's bookmarks by position.
    public internal(set) var markKind = MarkKind.driftAlert
    public internal(set) var bookmarks: [ExplorerBookmark] = []
    /// The focused user's tier changes and drift alerts, kept up with the model's logs.
    var focusedMarks = FocusedUserMarks()
    /// The colour theme (`--theme`, the `c` key).
    public internal(set) var theme = ColorTheme.standard
    /// The lesson being played (`strata lesson`), nil otherwise.
    public internal(set) var lesson: LessonRun?
    /// With the truth overlay: the Jensen–Shannon distance between the focused user's true and
    /// estimated (medium-tier) top-level shares, the scenario tracking error (Docs/scenarios.md §6).
    public internal(set) var truthDistance: Double?
    public internal(set) var weightHistory: WeightHistory
    /// Split view: B's list, its selection, B's share table (empty when B has none).
    public internal(set) var companionRecommendations: [Recommendation] = []
    public internal(set) var companionSelection = 0
    var companionScroll = 0
    public internal(set) var companionSiblingShares: [Double] = []
    /// Split view: the list the selection is in, and who learns the next answer.
    public internal(set) var selectedList = ComparisonList.a
    public internal(set) var decisionSide = DecisionSide.both
    public internal(set) var lastDecision: DecisionEcho?

    // Tree
    public internal(set) var expanded: Set<NodeIndex> = []
    public internal(set) var selectedNode: NodeIndex = Taxonomy.root
    var treeScroll = 0

    // Stream and weights
    /// The stream row picked with ↑/↓ (an event index); nil follows the current event.
    public internal(set) var streamSelection: Int?
    public internal(set) var weightSelection = 0
    var weightScroll = 0

    // Session bookkeeping
    var hashCache: (position: Int, decisions: Int, hash: String)?
    var companionHashCache: (position: Int, decisions: Int, hash: String)?
    var lastSaveAt: UInt64?
    var lastSaved: (position: Int, decisions: Int)?
    /// A decision sent to the host and not yet committed (nil almost always: hosts answer at once).
    var pendingDecision: PendingDecision?
    /// Lower-cased titles for `/` search, built on first use.
    var searchTitles: [String]?
    /// Embeds what is typed in `/` (search by meaning); nil searches titles.
    public let queryEncoder: (any QueryEncoder)?
    /// Item vectors and node centroids for search by meaning, built on first use.
    var semanticIndex: SemanticIndex?
    /// The focused user's tier profiles in words (the Interests pane's last rows).
    public internal(set) var profileWords: [ProfileInWords] = []
    /// Events per user in the whole stream (the user picker).
    public internal(set) var eventsPerUser: [Int]
    /// Set while the explorer runs on the head of a large log and the whole log loads behind
    /// it (ExplorerState+WholeLog.swift); nil otherwise.
    public internal(set) var preview: Preview?

    public init(replayer: Replayer, world: ScenarioWorld? = nil, configuration: Configuration,
                focusedUser: UserIndex? = nil, size: TerminalSize, queryEncoder: (any QueryEncoder)? = nil,
                previewOfEvents: Int? = nil) {
        self.configuration = configuration
        preview = previewOfEvents.map(Preview.init(events:))
        self.queryEncoder = queryEncoder
        self.replayer = replayer
        autopilotModel = world.map(ScenarioAutopilot.init(world:))
        self.size = size
        layout = ExplorerLayout.compute(width: size.width, height: size.height,
                                        split: replayer.companion != nil && configuration.comparison?.mode == .split)
        let dataset = replayer.dataset
        var counts = Array(repeating: 0, count: dataset.userIDs.count)
        for event in dataset.events where counts.indices.contains(event.user) { counts[event.user] += 1 }
        eventsPerUser = counts
        self.focusedUser = ExplorerState.defaultUser(dataset: dataset, world: world, requested: focusedUser)
        weightHistory = WeightHistory(capacity: configuration.historyCapacity, dimension: replayer.model.layout.dimension)
        frontier = replayer.position
        selectedNode = replayer.model.taxonomy.topLevel.first ?? Taxonomy.root
        refreshAfterModelChange(resetBaseline: true)
        expandStrongestTopLevel()
        updateHashIfPaused()
    }

    /// The user to focus first: the one asked for; else, on a scenario, the first user with a
    /// scheduled drift (cleo in the demo — the interesting one); else the first event's user.
    static func defaultUser(dataset: Dataset, world: ScenarioWorld?, requested: UserIndex?) -> UserIndex {
        if let requested, dataset.userIDs.indices.contains(requested) { return requested }
        if let world, let drifting = world.scenario.drift.first?.user, let index = dataset.userIDs.firstIndex(of: drifting) {
            return index
        }
        return dataset.events.first?.user ?? 0
    }

    // MARK: Reading

    public var model: StrataModel { replayer.model }
    public var dataset: Dataset { replayer.dataset }
    public var isSimulated: Bool { autopilotModel != nil }
    public var focusedUserID: String {
        dataset.userIDs.indices.contains(focusedUser) ? dataset.userIDs[focusedUser] : "#\(focusedUser)"
    }
    public var isFullSpeed: Bool { PlaybackSpeed.ladder[speedIndex] == nil }
    public var speedLabel: String { PlaybackSpeed.label(index: speedIndex) }

    /// The event learned last (the "current" one), nil at position 0.
    public var currentEvent: Event? {
        let position = replayer.position
        return position > 0 && position <= dataset.events.count ? dataset.events[position - 1] : nil
    }

    /// The full state hash when paused (cached), nil while playing (it costs a digest of the
    /// whole model, too much for every frame).
    public var stateHash: String? {
        guard let cache = hashCache, cache.position == replayer.position, cache.decisions == replayer.decisions.count else {
            return nil
        }
        return cache.hash
    }

    /// Decisions applied so far (loaded from a session and made now).
    public var decisionCount: Int { replayer.decisions.count }

    /// Which pane the compact layout shows below the tree.
    var visibleTab: ExplorerPane { focus == .tree ? shownTab : focus }

    /// The index of the pane block's inner height for paging.
    func innerHeight(of pane: ExplorerPane) -> Int { layout.innerHeight(of: pane, shownTab: visibleTab) }
}
