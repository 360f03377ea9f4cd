import StrataCore

/// Going to what matters (issue 13, item 3): `n` / `N` to the next / previous mark of the
/// chosen kind, `:` to a position, `b` to name a bookmark. Every jump lands exactly where a
/// plain replay to that position would (rewinds restore a checkpoint and replay, SPEC §7).
extension ExplorerState {
    /// Stream positions of the marks of `kind` for the focused user that are known now,
    /// ascending: alerts and tier changes up to the current position (later ones are found by
    /// replaying on), decisions and bookmarks everywhere. An alert or tier change is recorded
    /// with the index of its event; the position that shows it is the one after that event.
    func knownMarks(_ kind: MarkKind) -> [Int] {
        let user = focusedUser
        let positions: [Int] = switch kind {
        case .driftAlert: focusedMarks.driftAlerts.filter { $0.kind == .interestShift }.map { $0.position + 1 }
        case .labelChange: focusedMarks.labelChanges.map { $0.position + 1 }
        case .decision: replayer.decisions.filter { $0.user == user }.map(\.position)
        case .bookmark: bookmarks.map(\.position)
        }
        return Array(Set(positions)).sorted()
    }

    /// `n` (forward) or `N`: pauses and goes to the nearest mark after (before) the position.
    mutating func jumpToMark(forward: Bool) -> [ExplorerEffect] {
        let kind = markKind
        let here = replayer.position
        let what = kind.rawValue + (kind == .bookmark ? "" : " of " + focusedUserID)
        if !forward {
            guard let target = knownMarks(kind).last(where: { $0 < here }) else {
                show("no earlier " + what + " (m: choose what n/N jump to)")
                return []
            }
            return landed(manualStep(target - here), kind: kind, position: target)
        }
        switch kind {
        case .decision, .bookmark:
            guard let target = knownMarks(kind).first(where: { $0 > here }) else {
                show("no later " + what + " (m: choose what n/N jump to)")
                return []
            }
            return landed(manualStep(target - here), kind: kind, position: target)
        case .driftAlert, .labelChange:
            // Not known before they happen: replay on until one does (or the stream ends).
            isPlaying = false
            streamSelection = nil
            let user = focusedUser
            let effects = advance(by: replayer.total - here) { observation, _ in
                kind == .driftAlert
                    ? observation.driftAlerts.contains { $0.user == user && $0.kind == .interestShift }
                    : observation.labelChanges.contains { $0.user == user }
            }
            let found = knownMarks(kind).last.map { $0 > here } ?? false
            guard found else {
                show("no later " + what + ": at the end of the stream")
                return pendingDecision == nil ? effects + savePosition() : effects
            }
            return landed(pendingDecision == nil ? effects + savePosition() : effects, kind: kind, position: replayer.position)
        }
    }

    private mutating func landed(_ effects: [ExplorerEffect], kind: MarkKind, position: Int) -> [ExplorerEffect] {
        guard pendingDecision == nil else { return effects }
        var text = kind.rawValue + " at " + NumberText.grouped(position)
        if kind == .bookmark, let mark = bookmarks.first(where: { $0.position == position }) { text += ": " + mark.label }
        if kind == .driftAlert, let alert = focusedMarks.driftAlerts.last(where: { $0.position + 1 == position }) {
            let names = model.taxonomy.names
            let moves = alert.fell.prefix(1).map { names[$0] + " fell" } + alert.rose.prefix(1).map { names[$0] + " rose" }
            if !moves.isEmpty { text += " · " + moves.joined(separator: ", ") }
        }
        show(text)
        return effects
    }

    /// `m`: what `n` / `N` jump to next.
    mutating func cycleMarkKind() {
        choose(markKind: markKind.next)
    }

    /// `m` or a click on the timeline's legend.
    mutating func choose(markKind kind: MarkKind) {
        markKind = kind
        show("n/N now jump to the " + markKind.rawValue + "s" + (markKind == .bookmark ? "" : " of " + focusedUserID))
    }

    /// `:` and `b`: open the one-line prompt.
    mutating func openPrompt(_ kind: ExplorerPrompt.Kind) {
        overlay = .prompt(ExplorerPrompt(kind: kind))
    }

    /// Keys while a prompt is open: text, Backspace, Enter to act, Esc to cancel.
    mutating func handlePromptKey(_ key: Key) -> [ExplorerEffect] {
        guard case .prompt(var prompt) = overlay else { return [] }
        switch key {
        case .escape:
            overlay = nil
            return []
        case .enter:
            overlay = nil
            return submit(prompt)
        case .backspace, .delete:
            if !prompt.text.isEmpty { prompt.text.removeLast() }
        case .ctrl("u"):
            prompt.text = ""
        case .char(let character):
            if prompt.accepts(character) && prompt.text.count < ExplorerPrompt.maximumLength { prompt.text.append(character) }
        default:
            break
        }
        overlay = .prompt(prompt)
        return []
    }

    private mutating func submit(_ prompt: ExplorerPrompt) -> [ExplorerEffect] {
        switch prompt.kind {
        case .goTo:
            let digits = prompt.text.filter(\.isNumber)
            guard !digits.isEmpty else { return [] }
            guard let target = Int(digits), target <= replayer.total else {
                show("no position " + String(digits.prefix(20)) + ": the stream has " + NumberText.grouped(replayer.total) + " events",
                     isError: true)
                return []
            }
            guard target != replayer.position else {
                show("already at position " + NumberText.grouped(target))
                return []
            }
            let effects = manualStep(target - replayer.position)
            if pendingDecision == nil { show("at position " + NumberText.grouped(replayer.position)) }
            return effects
        case .bookmarkName:
            let name = String(prompt.text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
            let label = name.isEmpty ? "position \(replayer.position) · \(focusedUserID)" : name
            let view = ExplorerBookmark.View(user: focusedUserID, speedIndex: speedIndex, showsTruth: showsTruth)
            return [.bookmark(ExplorerBookmark(position: replayer.position, label: label, view: view))]
        }
    }

    /// The host saved a bookmark: it joins the list `n`/`N`, the picker and the timeline use.
    mutating func bookmarkSaved(_ bookmark: ExplorerBookmark) {
        bookmarks.append(bookmark)
        bookmarks.sort(by: Self.bookmarkOrder)
        show("bookmarked position " + NumberText.grouped(bookmark.position) + ": " + bookmark.label)
    }

    static func bookmarkOrder(_ a: ExplorerBookmark, _ b: ExplorerBookmark) -> Bool {
        (a.position, a.label) < (b.position, b.label)
    }
}

extension ExplorerState {
    /// The bookmarks a reopened session holds (the host reads them from the file).
    public mutating func adoptBookmarks(_ list: [ExplorerBookmark]) {
        bookmarks = list.sorted(by: Self.bookmarkOrder)
    }
}

extension ExplorerState {
    /// `B`: the bookmarks in stream order, the one at or before the position selected.
    mutating func openBookmarkPicker() {
        var picker = ExplorerOverlay.Picker()
        picker.matches = bookmarkMatches(for: "")
        picker.selected = max(0, (bookmarks.lastIndex { $0.position <= replayer.position } ?? 0))
        let visible = max(1, PickerOverlayLayout.listHeight(screenHeight: size.height))
        picker.scroll = Scrolling.offset(keeping: picker.selected, previous: 0, visibleRows: visible, rowCount: picker.matches.count)
        overlay = .bookmarks(picker)
    }

    /// Indices of the bookmarks whose name (or user) contains `query`, in stream order.
    func bookmarkMatches(for query: String) -> [Int] {
        let needle = query.lowercased()
        return bookmarks.indices.filter { index in
            needle.isEmpty || bookmarks[index].label.lowercased().contains(needle)
                || (bookmarks[index].view?.user.lowercased().contains(needle) ?? false)
        }
    }

    /// Picking a bookmark: pauses at its position (an exact rewind or replay, like `:`) and
    /// brings back its view — the focused user, the speed, the ground-truth overlay.
    mutating func goTo(bookmark: ExplorerBookmark) -> [ExplorerEffect] {
        var missing: String?
        if let view = bookmark.view {
            if let user = dataset.userIDs.firstIndex(of: view.user) {
                followsStream = false
                focus(on: user)
            } else {
                missing = "user " + view.user + " is not in this dataset"
            }
            speedIndex = min(max(0, view.speedIndex), PlaybackSpeed.ladder.count - 1)
            if isSimulated { showsTruth = view.showsTruth }
        }
        isPlaying = false
        let effects = bookmark.position == replayer.position ? [] : manualStep(bookmark.position - replayer.position)
        refreshTruth()
        guard pendingDecision == nil else { return effects }
        show("bookmark at " + NumberText.grouped(replayer.position) + ": " + bookmark.label
             + PickerOverlay.viewText(bookmark.view) + (missing.map { " (" + $0 + ")" } ?? ""))
        return effects
    }
}
