import StrataCore

extension ExplorerState {
    /// The only way the state changes. Returns what the host must do (persist a decision,
    /// save a bookmark, quit). O(work of the action): a tick at full speed replays as many
    /// events as the frame budget allows.
    public mutating func apply(_ action: ExplorerAction) -> [ExplorerEffect] {
        var effects: [ExplorerEffect]
        switch action {
        case .key(let key):
            effects = handle(key)
        case .mouse(let event, let now):
            effects = handle(mouse: event, now: now)
        case .tick(let now):
            effects = tick(now: now)
        case .resize(let width, let height):
            resize(width: width, height: height)
            effects = []
        case .measured(let events, let nanoseconds):
            if events > 0 && nanoseconds > 0 {
                let sample = Double(nanoseconds) / Double(events)
                nanosecondsPerEvent = 0.7 * nanosecondsPerEvent + 0.3 * sample
            }
            effects = []
        case .feedback(let feedback):
            effects = receive(feedback)
        }
        if shouldQuit && !effects.contains(.quit) { effects.append(.quit) }
        updateHashIfPaused()
        return effects
    }

    mutating func resize(width: Int, height: Int) {
        size = TerminalSize(width: width, height: height)
        layout = ExplorerLayout.compute(width: width, height: height, split: isSplit)
        keepSelectionsVisible()
    }

    mutating func receive(_ feedback: ExplorerFeedback) -> [ExplorerEffect] {
        switch feedback {
        case .committed(let decision): return committed(decision)
        case .persistFailed(let message): commitFailed(message)
        case .saveFailed(let message): show("session: " + message, isError: true)
        case .bookmarked(let bookmark): bookmarkSaved(bookmark)
        case .notice(let text): show(text)
        case .terminalLost: shouldQuit = true
        case .viewExported, .viewExportFailed: receiveViewExport(feedback)
        }
        return []
    }

    mutating func show(_ text: String, isError: Bool = false) {
        notice = Notice(text: text, isError: isError, expires: nil)
    }

    // MARK: Keys

    mutating func handle(_ key: Key) -> [ExplorerEffect] {
        if key == .resize { return [] }
        switch overlay {
        case .userPicker, .search, .bookmarks:
            return handlePickerKey(key)
        case .prompt:
            return handlePromptKey(key)
        case .help, .details:
            if let effects = handleReaderKey(key) { return effects }
        case nil:
            break
        }
        if let effects = handleLessonKey(key) { return effects }
        guard let command = KeyMap.standard.command(for: key) else { return [] }
        return perform(command)
    }

    /// Runs one command of the key map.
    public mutating func perform(_ command: ExplorerCommand) -> [ExplorerEffect] {
        switch command {
        case .togglePlay:
            if !isPlaying && replayer.isAtEnd {
                show("end of the stream — step back or jump back to replay")
                return []
            }
            isPlaying.toggle()
            lastTick = nil
            carry = 0
            if isPlaying { streamSelection = nil }
            return isPlaying ? [] : savePosition()
        case .stepForward: return manualStep(1)
        case .stepBack: return manualStep(-1)
        case .jumpForward: return manualStep(100)
        case .jumpBack: return manualStep(-100)
        case .faster:
            speedIndex = min(speedIndex + 1, PlaybackSpeed.ladder.count - 1)
            carry = 0
            return []
        case .slower:
            speedIndex = max(speedIndex - 1, 0)
            carry = 0
            return []
        case .pickUser:
            openUserPicker()
            return []
        case .search:
            openSearch()
            return []
        case .pickBookmark:
            openBookmarkPicker()
            return []
        case .toggleFollow:
            followsStream.toggle()
            if followsStream, let event = currentEvent { focus(on: event.user) }
            show(followsStream ? "following the stream's user" : "focus stays on " + focusedUserID)
            return []
        case .focusNext, .focusPrevious:
            let panes = ExplorerPane.allCases
            let step = command == .focusNext ? 1 : panes.count - 1
            focus = panes[(focus.rawValue + step) % panes.count]
            if focus != .tree { shownTab = focus }
            return []
        case .moveUp: move(by: -1)
        case .moveDown: move(by: 1)
        case .pageUp: move(by: -max(1, innerHeight(of: focus) - 1))
        case .pageDown: move(by: max(1, innerHeight(of: focus) - 1))
        case .moveFirst: move(by: -1_000_000)
        case .moveLast: move(by: 1_000_000)
        case .openDetails:
            openDetailsForFocus()
            return []
        case .accept: return decide(accepted: true)
        case .reject: return decide(accepted: false)
        case .toggleTruth:
            guard isSimulated else {
                show("ground truth exists only for simulated data (--scenario)")
                return []
            }
            showsTruth.toggle()
            refreshTruth()
            return []
        case .toggleAutopilot:
            guard isSimulated else {
                show("autopilot needs a simulated user (--scenario)")
                return []
            }
            autopilot.toggle()
            show(autopilot ? "autopilot on: \(focusedUserID) answers the top recommendation at each of their events" : "autopilot off")
            return []
        case .exportView: return exportView()
        case .bookmark:
            openPrompt(.bookmarkName)
            return []
        case .nextMark: return jumpToMark(forward: true)
        case .previousMark: return jumpToMark(forward: false)
        case .cycleMarkKind:
            cycleMarkKind()
            return []
        case .goToPosition:
            openPrompt(.goTo)
            return []
        case .cycleTheme:
            theme = theme.next
            show("colour theme: " + theme.rawValue)
            return []
        case .help:
            if case .help = overlay { overlay = nil } else { overlay = .help(scroll: 0) }
            return []
        case .close:
            overlay = nil
            return []
        case .quit:
            return requestQuit()
        case .switchList: switchList()
        case .cycleDecisionSide:
            cycleDecisionSide()
            return []
        }
        keepSelectionsVisible()
        return []
    }

    /// Keys while help or details is open: movement scrolls it, Enter, Esc and `q` close it
    /// (`q` quits only from the panes, so closing an overlay never ends the program); other
    /// keys fall through to the key map (nil).
    mutating func handleReaderKey(_ key: Key) -> [ExplorerEffect]? {
        guard let command = KeyMap.standard.command(for: key) else { return [] }
        let page = max(1, size.height - 8)
        switch (overlay, command) {
        case (.help(let scroll), .moveDown): overlay = .help(scroll: scroll + 1)
        case (.help(let scroll), .moveUp): overlay = .help(scroll: max(0, scroll - 1))
        case (.help(let scroll), .pageDown): overlay = .help(scroll: scroll + page)
        case (.help(let scroll), .pageUp): overlay = .help(scroll: max(0, scroll - page))
        case (.details(let details, let scroll), .moveDown): overlay = .details(details, scroll: scroll + 1)
        case (.details(let details, let scroll), .moveUp): overlay = .details(details, scroll: max(0, scroll - 1))
        case (.details(let details, let scroll), .pageDown): overlay = .details(details, scroll: scroll + page)
        case (.details(let details, let scroll), .pageUp): overlay = .details(details, scroll: max(0, scroll - page))
        case (_, .openDetails), (_, .close), (_, .quit): overlay = nil
        default: return nil
        }
        return []
    }

    // MARK: Moving within panes

    mutating func move(by delta: Int) {
        switch focus {
        case .tree:
            let rows = visibleTreeRows()
            guard !rows.isEmpty else { return }
            let current = rows.firstIndex { $0.node == selectedNode } ?? 0
            let target = min(max(0, current + delta), rows.count - 1)
            selectedNode = rows[target].node
        case .recommendations where isSplit && selectedList == .b:
            guard !companionRecommendations.isEmpty else { return }
            companionSelection = min(max(0, companionSelection + delta), companionRecommendations.count - 1)
        case .recommendations:
            guard !recommendations.isEmpty else { return }
            recommendationSelection = min(max(0, recommendationSelection + delta), recommendations.count - 1)
        case .stream:
            let total = dataset.events.count
            guard total > 0 else { return }
            let current = streamSelection ?? max(0, replayer.position - 1)
            let target = min(max(0, current + delta), total - 1)
            streamSelection = target
        case .weights:
            let count = WeightRows.rowCount(layout: model.layout)
            weightSelection = min(max(0, weightSelection + delta), max(0, count - 1))
        }
    }

    /// Updates the stored scroll offsets so selections stay in view (ListView/Table keep the
    /// offset with the caller).
    mutating func keepSelectionsVisible() {
        let rows = visibleTreeRows()
        let treeRowsShown = max(0, innerHeight(of: .tree) - 1)
        treeScroll = Scrolling.offset(keeping: rows.firstIndex { $0.node == selectedNode }, previous: treeScroll,
                                      visibleRows: treeRowsShown, rowCount: rows.count)
        let recommendationRows = max(0, innerHeight(of: .recommendations) - 1)
        recommendationScroll = Scrolling.offset(keeping: recommendationSelection, previous: recommendationScroll,
                                                visibleRows: recommendationRows, rowCount: recommendations.count)
        companionScroll = Scrolling.offset(keeping: companionSelection, previous: companionScroll,
                                           visibleRows: recommendationRows, rowCount: companionRecommendations.count)
        let weightRows = max(0, innerHeight(of: .weights) - 1)
        weightScroll = Scrolling.offset(keeping: weightSelection, previous: weightScroll,
                                        visibleRows: weightRows, rowCount: WeightRows.rowCount(layout: model.layout))
    }

    mutating func focus(on user: UserIndex) {
        guard user != focusedUser, dataset.userIDs.indices.contains(user) else { return }
        focusedUser = user
        recommendationSelection = 0
        recommendationScroll = 0
        companionSelection = 0
        companionScroll = 0
        refreshAfterModelChange(resetBaseline: true)
    }
}
