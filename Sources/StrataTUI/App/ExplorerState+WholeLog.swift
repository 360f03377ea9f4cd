import StrataCore

extension ExplorerState {
    /// The explorer on the head of a large log while the whole log loads behind it
    /// (`WholeLogLoader`, Docs/explorer.md design note 6): every key works on the preview;
    /// once the whole log's replayer has caught up with the position and the decisions, it
    /// takes the preview's place.
    public struct Preview: Hashable, Sendable {
        public var phase: WholeLogLoader.Phase
        /// Events of the preview (the head of the log that was read first).
        public var events: Int
        /// At most this many events a frame while the whole log catches up (6,000 events/s at
        /// 30 fps), so a replayer that runs faster than that closes the gap.
        static let catchUpStepsPerFrame = 200

        public init(events: Int) {
            phase = .loading(fraction: 0)
            self.events = events
        }

        /// The title bar's words for it.
        var label: String {
            switch phase {
            case .loading(let fraction):
                return "preview: first \(NumberText.grouped(events)) events · loading all \(Int(fraction * 100)) %"
            case .catchingUp(let position, let target):
                let done = target > 0 ? min(100, position * 100 / target) : 100
                return "preview · the whole log catches up \(done) %"
            case .failed:
                return "preview only: the whole log did not load"
            }
        }
    }

    /// Takes the whole log's status once a frame: shows its phase, or adopts its replayer.
    /// Returns true when the whole log took the preview's place.
    @discardableResult
    public mutating func follow(wholeLog status: WholeLogLoader.Status) -> Bool {
        guard preview != nil else { return false }
        switch status {
        case .running(let phase):
            if case .failed(let message) = phase, preview?.phase != phase {
                show("the whole log did not load: " + message, isError: true)
            }
            preview?.phase = phase
            return false
        case .ready(let whole, let counts, _):
            adoptWholeLog(whole, eventsPerUser: counts)
            return true
        case .finished:
            return false
        }
    }

    /// A preview whose whole log is still on its way (not failed).
    var isWaitingForWholeLog: Bool {
        guard let preview else { return false }
        if case .failed = preview.phase { return false }
        return true
    }

    /// Whether a whole-log replayer may be taken now: none of the user's decisions in flight.
    public var canAdoptWholeLog: Bool { preview != nil && pendingDecision == nil }

    /// Puts the whole log's replayer (at the same position, with the same decisions) in the
    /// preview's place; the focused user, the tree and the view stay.
    mutating func adoptWholeLog(_ whole: Replayer, eventsPerUser counts: [Int]) {
        let userID = focusedUserID
        let decisions = whole.decisions.count
        replayer = whole
        eventsPerUser = counts
        if let index = whole.dataset.userIDs.firstIndex(of: userID) { focusedUser = index }
        preview = nil
        searchTitles = nil
        semanticIndex = nil
        hashCache = nil
        focusedMarks = FocusedUserMarks()
        refreshAfterModelChange(resetBaseline: true)
        show("the whole log is in: " + NumberText.grouped(whole.total) + " events, at the same position"
             + (decisions > 0 ? ", your \(NumberText.grouped(decisions)) decision\(decisions == 1 ? "" : "s") kept" : ""))
        updateHashIfPaused()
    }
}
