/// The mouse (issue 13, item 5): everything here is also a key; this only finds what is under
/// the pointer (`ExplorerHit`) and runs the command a key would.
///
/// - left click on a pane focuses it; on a row selects that row;
/// - a second left press on the same cell within `doubleClickInterval` is Enter (details;
///   in the tree, fold / unfold) on what the first click selected;
/// - the wheel moves in the pane under the pointer as ↑/↓ do (and focuses it);
/// - a click on the timeline jumps to that position as `]`/`[` do (rewinds exact); on an
///   entry of its legend chooses what `n`/`N` jump to, as `m` does;
/// - with an overlay open, a click outside it closes it (Esc), the wheel scrolls it, a click
///   inside does nothing (its keys are text or reading keys, with no row to point at).
extension ExplorerState {
    /// The longest gap between the two presses of a double-click, in nanoseconds (xterm's
    /// and GTK's default is 250–400 ms; the upper end forgives a slow hand).
    public static let doubleClickInterval: UInt64 = 400_000_000

    /// A left press remembered to tell a double-click.
    struct Click: Hashable, Sendable {
        var column: Int
        var row: Int
        var at: UInt64
    }

    mutating func handle(mouse event: MouseEvent, now: UInt64) -> [ExplorerEffect] {
        guard !event.isMotion else { return [] }
        switch event.button {
        case .wheelUp: return wheel(by: -1, at: event)
        case .wheelDown: return wheel(by: 1, at: event)
        case .left: return click(event, isDouble: registerClick(event, now: now))
        default: return []
        }
    }

    /// Remembers a left press; true when it completes a double-click (which is then
    /// forgotten, so a third press starts over).
    mutating func registerClick(_ event: MouseEvent, now: UInt64) -> Bool {
        if let last = lastClick, last.column == event.column, last.row == event.row,
           now >= last.at, now - last.at <= Self.doubleClickInterval {
            lastClick = nil
            return true
        }
        lastClick = Click(column: event.column, row: event.row, at: now)
        return false
    }

    mutating func click(_ event: MouseEvent, isDouble: Bool) -> [ExplorerEffect] {
        if overlay != nil {
            if let box = ExplorerScreen.overlayBox(self, size: size), !box.contains(x: event.column, y: event.row) {
                return perform(.close)
            }
            return []
        }
        switch ExplorerHit.at(column: event.column, row: event.row, in: self) {
        case .pane(let pane, let row):
            focus(pane: pane)
            // The second press opens what the first selected: the stream may have scrolled
            // the row away from under the pointer when it was selected.
            if isDouble { return perform(.openDetails) }
            if let row { select(row) }
            keepSelectionsVisible()
            return []
        case .tab(let pane):
            focus(pane: pane)
            return []
        case .timeline(let position):
            return seek(to: position)
        case .legend(let kind):
            choose(markKind: kind)
            return []
        case .none:
            return []
        }
    }

    mutating func wheel(by delta: Int, at event: MouseEvent) -> [ExplorerEffect] {
        let command: ExplorerCommand = delta < 0 ? .moveUp : .moveDown
        switch overlay {
        case .help, .details:
            return handleReaderKey(delta < 0 ? .up : .down) ?? []
        case .userPicker, .search, .bookmarks:
            return handlePickerKey(delta < 0 ? .up : .down)
        case .prompt:
            return []
        case nil:
            break
        }
        switch ExplorerHit.at(column: event.column, row: event.row, in: self) {
        case .pane(let pane, _):
            focus(pane: pane)
            return perform(command)
        case .tab, .timeline, .legend, .none:
            return []
        }
    }

    /// Focuses `pane` as Tab would reach it (the compact layout then shows a folded pane).
    mutating func focus(pane: ExplorerPane) {
        focus = pane
        if pane != .tree { shownTab = pane }
    }

    mutating func select(_ row: ExplorerHit.Row) {
        switch row {
        case .node(let node): selectedNode = node
        case .recommendation(let list, let index):
            if isSplit { selectedList = list }
            if list == .b { companionSelection = index } else { recommendationSelection = index }
        case .event(let index): streamSelection = index
        case .weight(let index): weightSelection = index
        }
    }

    /// Jumps to `position` with the code `]` and `[` use: forward replays (the autopilot
    /// answering as it would), backward restores a checkpoint and re-replays, exactly.
    mutating func seek(to position: Int) -> [ExplorerEffect] {
        let delta = position - replayer.position
        guard delta != 0 else {
            isPlaying = false
            return savePosition()
        }
        return manualStep(delta)
    }
}
