import StrataCore

extension ExplorerState {
    /// Entries a picker lists at most (the rest are reached by typing more).
    static let pickerLimit = 500

    mutating func openUserPicker() {
        var picker = ExplorerOverlay.Picker()
        picker.matches = userMatches(for: "")
        picker.selected = picker.matches.firstIndex(of: focusedUser) ?? 0
        picker.truncated = picker.matches.count >= Self.pickerLimit
        overlay = .userPicker(picker)
    }

    mutating func openSearch() {
        if searchTitles == nil { searchTitles = dataset.catalogue.items.map { $0.title.lowercased() } }
        var picker = ExplorerOverlay.Picker()
        picker.matches = itemMatches(for: "")
        picker.truncated = picker.matches.count >= Self.pickerLimit
        overlay = .search(picker)
    }

    func userMatches(for query: String) -> [Int] {
        let needle = query.lowercased()
        var result: [Int] = []
        for (index, id) in dataset.userIDs.enumerated() where needle.isEmpty || id.lowercased().contains(needle) {
            result.append(index)
            if result.count >= Self.pickerLimit { break }
        }
        return result
    }

    /// Search by meaning when a query encoder is loaded and the items have vectors: the
    /// query's nearest items by cosine, and the interest nodes nearest to it.
    mutating func meaningMatches(for query: String) -> (items: [Int], nodes: [String])? {
        guard let encoder = queryEncoder, query.trimmingCharacters(in: .whitespaces).count >= 2 else { return nil }
        if semanticIndex == nil { semanticIndex = SemanticIndex(catalogue: dataset.catalogue) }
        guard let index = semanticIndex, let vector = encoder.embed(query) else { return nil }
        let items = index.nearestItems(to: vector, count: Self.pickerLimit).map(\.item)
        let taxonomy = dataset.catalogue.taxonomy
        let nodes = index.nearestNodes(to: vector, count: 3).map {
            taxonomy.displayPath(of: $0.node, ascii: configuration.ascii) + " " + NumberText.fixed($0.cosine, decimals: 2)
        }
        return (items, [encoder.name] + nodes)
    }

    func itemMatches(for query: String) -> [Int] {
        let needle = query.lowercased()
        var result: [Int] = []
        for (index, title) in (searchTitles ?? []).enumerated() where needle.isEmpty || title.contains(needle) {
            result.append(index)
            if result.count >= Self.pickerLimit { break }
        }
        return result
    }

    /// Keys while the user picker, the search or the bookmarks are open: text edits the query.
    mutating func handlePickerKey(_ key: Key) -> [ExplorerEffect] {
        let kind: PickerOverlay.Kind
        var picker: ExplorerOverlay.Picker
        switch overlay {
        case .userPicker(let current): picker = current; kind = .users
        case .search(let current): picker = current; kind = .items
        case .bookmarks(let current): picker = current; kind = .bookmarks
        default: return []
        }
        var queryChanged = false
        switch key {
        case .escape:
            overlay = nil
            return []
        case .enter:
            guard picker.matches.indices.contains(picker.selected) else { return [] }
            let chosen = picker.matches[picker.selected]
            overlay = nil
            switch kind {
            case .users:
                followsStream = false
                focus(on: chosen)
                show("focused on " + focusedUserID)
                return []
            case .items:
                openDetails(item: chosen)
                return []
            case .bookmarks:
                return goTo(bookmark: bookmarks[chosen])
            }
        case .up: picker.selected -= 1
        case .down: picker.selected += 1
        case .pageUp: picker.selected -= 10
        case .pageDown: picker.selected += 10
        case .backspace, .delete:
            guard !picker.query.isEmpty else { break }
            picker.query.removeLast()
            queryChanged = true
        case .ctrl("u"):
            picker.query = ""
            queryChanged = true
        case .char(let character):
            picker.query.append(character)
            queryChanged = true
        default:
            break
        }
        if queryChanged {
            if kind == .items, let meaning = meaningMatches(for: picker.query) {
                picker.matches = meaning.items
                picker.meaning = meaning.nodes
            } else {
                picker.matches = switch kind {
                case .users: userMatches(for: picker.query)
                case .items: itemMatches(for: picker.query)
                case .bookmarks: bookmarkMatches(for: picker.query)
                }
                picker.meaning = nil
            }
            picker.truncated = kind != .bookmarks && picker.matches.count >= Self.pickerLimit
            picker.selected = 0
            picker.scroll = 0
        }
        picker.selected = min(max(0, picker.selected), max(0, picker.matches.count - 1))
        let visible = max(1, PickerOverlayLayout.listHeight(screenHeight: size.height))
        picker.scroll = Scrolling.offset(keeping: picker.selected, previous: picker.scroll, visibleRows: visible, rowCount: picker.matches.count)
        overlay = switch kind {
        case .users: .userPicker(picker)
        case .items: .search(picker)
        case .bookmarks: .bookmarks(picker)
        }
        return []
    }

    /// Enter on a pane: details of the selected recommendation or stream event; folds the tree.
    mutating func openDetailsForFocus() {
        switch focus {
        case .tree:
            toggleFold(selectedNode)
        case .recommendations, .weights:
            guard recommendations.indices.contains(recommendationSelection) else {
                show("no recommendation selected")
                return
            }
            openDetails(item: recommendations[recommendationSelection].item)
        case .stream:
            let index = streamSelection ?? (replayer.position - 1)
            guard dataset.events.indices.contains(index) else {
                show("no event yet: press → to step")
                return
            }
            openDetails(item: dataset.events[index].item)
        }
    }

    mutating func openDetails(item: ItemIndex) {
        let details = ItemDetails.compute(item: item, user: focusedUser, replayer: replayer,
                                          recommendations: recommendations, ascii: configuration.ascii)
        overlay = .details(details, scroll: 0)
    }
}

/// Sizes of the picker overlay, shared by the state (scrolling) and the renderer.
public enum PickerOverlayLayout {
    /// The picker box's rows: most of the screen, at most 24.
    public static func boxHeight(screenHeight: Int) -> Int { min(24, max(5, screenHeight - 4)) }
    /// Rows of the list inside the box (border, query line and a rule take 4).
    public static func listHeight(screenHeight: Int) -> Int { max(1, boxHeight(screenHeight: screenHeight) - 4) }
}
