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
        case .driftAlert: model.driftAlerts.filter { $0.user == user && $0.kind == .interestShift }.map { $0.position + 1 }
        case .tierChange: model.tierChanges.filter { $0.user == user }.map { $0.position + 1 }
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
        case .driftAlert, .tierChange:
            // Not known before they happen: replay on until one does (or the stream ends).
            isPlaying = false
            streamSelection = nil
            let user = focusedUser
            let effects = advance(by: replayer.total - here) { observation in
                kind == .driftAlert
                    ? observation.driftAlerts.contains { $0.user == user && $0.kind == .interestShift }
                    : observation.tierChanges.contains { $0.user == user }
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
        if kind == .driftAlert, let alert = model.driftAlerts.last(where: { $0.user == focusedUser && $0.position + 1 == position }) {
            let names = model.taxonomy.names
            let moves = alert.fell.prefix(1).map { names[$0] + " fell" } + alert.rose.prefix(1).map { names[$0] + " rose" }
            if !moves.isEmpty { text += " · " + moves.joined(separator: ", ") }
        }
        show(text)
        return effects
    }

    /// `m`: what `n` / `N` jump to next.
    mutating func cycleMarkKind() {
        markKind = markKind.next
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
            return [.bookmark(position: replayer.position, label: label)]
        }
    }

    /// The host saved a bookmark: it joins the list `n`/`N` and the timeline use.
    mutating func bookmarkSaved(position: Int, label: String) {
        bookmarks.append(ExplorerBookmark(position: position, label: label))
        bookmarks.sort { ($0.position, $0.label) < ($1.position, $1.label) }
        show("bookmarked position " + NumberText.grouped(position) + ": " + label)
    }
}

extension ExplorerState {
    /// The bookmarks a reopened session holds (the host reads them from the file).
    public mutating func adoptBookmarks(_ list: [ExplorerBookmark]) {
        bookmarks = list.sorted { ($0.position, $0.label) < ($1.position, $1.label) }
    }
}
