import StrataCore

/// Playing a lesson: between stops the stream plays at the lesson's speed; a stop is reached
/// in the frame its trigger happens (the replay stops on that very event), pauses, points at
/// its pane and shows its note. Space goes on, `←` goes back a stop (an exact rewind), Esc
/// leaves the lesson.
extension ExplorerState {
    /// Starts `run`: focuses its user and plays towards the first stop.
    public mutating func startLesson(_ run: LessonRun) {
        lesson = run
        followsStream = false
        focus(on: run.user)
        if let index = PlaybackSpeed.ladder.firstIndex(of: run.lesson.speed) ?? PlaybackSpeed.ladder.lastIndex(where: { ($0 ?? .max) <= run.lesson.speed }) {
            speedIndex = index
        }
        continueLesson()
    }

    /// Space while a note is shown: on to the next stop (shown at once when already due).
    mutating func continueLesson() {
        guard var run = lesson else { return }
        if let shown = run.shown, case .decision = run.lesson.stops[shown].trigger, decisionCount <= run.decisionsWhenShown {
            show("the lesson waits for your answer: a accepts, r rejects the selected recommendation")
            return
        }
        run.shown = nil
        lesson = run
        guard run.next < run.lesson.stops.count else {
            lesson = nil
            isPlaying = false
            show("end of the lesson \(InputText.quoted(run.lesson.title)): the explorer is yours (? for every key)")
            return
        }
        if lessonStopIsDue() { reachLessonStop(); return }
        isPlaying = !replayer.isAtEnd
        lastTick = nil
        carry = 0
    }

    /// `←` while a note is shown: back to the previous stop, exactly where it was reached.
    mutating func lessonBack() -> [ExplorerEffect] {
        guard var run = lesson, let shown = run.shown else { return [] }
        guard shown > 0 else {
            show("this is the lesson's first stop")
            return []
        }
        let target = run.reachedAt[shown - 1]
        run.reachedAt.removeLast(run.reachedAt.count - (shown - 1))
        run.shown = nil
        run.next = shown - 1
        lesson = run
        let effects = manualStep(target - replayer.position)
        reachLessonStop()
        return effects
    }

    /// True when the next stop can be shown now, without replaying: a position already
    /// reached, a decision stop, or recommendations that already qualify.
    func lessonStopIsDue() -> Bool {
        guard let run = lesson, run.next < run.lesson.stops.count else { return false }
        switch run.lesson.stops[run.next].trigger {
        case .position(let target): return replayer.position >= target
        case .decision: return true
        case .recommendation(_, let count): return recommendationsReach(run.nodes[run.next], count: count)
        case .driftAlert, .labelChange: return false
        }
    }

    /// Whether `observation` (an event just replayed) is the next stop's trigger.
    static func lessonTriggers(_ run: LessonRun?, on observation: Observation) -> Bool {
        guard let run, run.next < run.lesson.stops.count else { return false }
        let user = run.user
        switch run.lesson.stops[run.next].trigger {
        case .position(let target): return observation.position + 1 >= target
        case .driftAlert: return observation.driftAlerts.contains { $0.user == user && $0.kind == .interestShift }
        case .labelChange(_, let label):
            let node = run.nodes[run.next]
            return observation.labelChanges.contains { $0.user == user && $0.node == node && (label == nil || $0.to == label) }
        case .recommendation, .decision: return false
        }
    }

    /// As above, and a recommendation trigger too: after each of the lesson user's own events
    /// (the events that move their list) the list the screen would show is computed, so the
    /// stop comes on the event that put the item in the top `count`, even at full speed.
    static func lessonTriggers(_ run: LessonRun?, on observation: Observation, replayer: inout Replayer, listCount: Int) -> Bool {
        guard let run, run.next < run.lesson.stops.count else { return false }
        guard case .recommendation(_, let count) = run.lesson.stops[run.next].trigger else { return lessonTriggers(run, on: observation) }
        guard observation.event.user == run.user, let node = run.nodes[run.next] else { return false }
        let catalogue = replayer.dataset.catalogue
        return replayer.recommendations(for: run.user, count: listCount).prefix(count).contains { item($0.item, isUnder: node, in: catalogue) }
    }

    func recommendationsReach(_ node: NodeIndex?, count: Int) -> Bool {
        guard let node else { return false }
        return recommendations.prefix(count).contains { itemIsUnder(node, $0.item) }
    }

    private func itemIsUnder(_ node: NodeIndex, _ item: ItemIndex) -> Bool {
        Self.item(item, isUnder: node, in: dataset.catalogue)
    }

    static func item(_ item: ItemIndex, isUnder node: NodeIndex, in catalogue: Catalogue) -> Bool {
        let taxonomy = catalogue.taxonomy
        for ref in catalogue.nodeRefs(of: item) where taxonomy.ancestry(of: catalogue.nodeRefNode[ref]).contains(node) { return true }
        return false
    }

    /// Shows the next stop: pauses, points at its pane, applies its autopilot switch.
    mutating func reachLessonStop() {
        guard var run = lesson, run.next < run.lesson.stops.count else { return }
        let stop = run.lesson.stops[run.next]
        isPlaying = false
        run.shown = run.next
        run.next += 1
        run.reachedAt.append(replayer.position)
        run.decisionsWhenShown = decisionCount
        lesson = run
        overlay = nil
        switch stop.pane {
        case .tree: focus = .tree
        case .recommendations: focus = .recommendations
        case .stream: focus = .stream
        case .weights: focus = .weights
        case .timeline, .status: break
        }
        if let on = stop.autopilot, isSimulated { autopilot = on }
    }

    /// After a frame's replay (or a decision): shows the next stop if its moment came — the
    /// event just replayed was its trigger, or it is due now.
    mutating func checkLessonAfterChange() {
        guard let run = lesson, run.shown == nil else { return }
        let triggered = replayer.lastObservation.map { Self.lessonTriggers(run, on: $0) } ?? false
        if triggered || lessonStopIsDue() { reachLessonStop() }
    }

    /// The stream ended before the next stop's trigger came (a lesson written for other data,
    /// or a node that never changes so): says which stop, and leaves the lesson rather than
    /// leaving the class waiting for a stop that cannot come.
    mutating func lessonMissedItsStop() {
        guard let run = lesson, run.shown == nil, run.next < run.lesson.stops.count else { return }
        let stop = run.lesson.stops[run.next]
        lesson = nil
        show("the stream ended before stop \(run.next + 1)/\(run.lesson.stops.count) \(InputText.quoted(stop.title)) of the lesson came: "
             + "its trigger did not happen; the explorer is yours", isError: true)
    }

    /// Keys while a note is shown: Space on, `←` back, Esc leaves; nil lets the key through.
    mutating func handleLessonKey(_ key: Key) -> [ExplorerEffect]? {
        guard let run = lesson, run.shown != nil, overlay == nil else { return nil }
        switch key {
        case .char(" "):
            continueLesson()
            return []
        case .left:
            return lessonBack()
        case .escape:
            lesson = nil
            show("left the lesson \(InputText.quoted(run.lesson.title))")
            return []
        default:
            return nil
        }
    }
}
