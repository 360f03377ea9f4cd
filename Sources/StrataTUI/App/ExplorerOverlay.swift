import StrataCore

/// What is drawn over the panes, if anything.
public enum ExplorerOverlay: Hashable, Sendable {
    case help(scroll: Int)
    case details(ItemDetails, scroll: Int)
    case userPicker(Picker)
    case search(Picker)
    /// `B`: the session's bookmarks; Enter goes there and brings back their view.
    case bookmarks(Picker)
    /// A one-line prompt (`:` go to a position, `b` a bookmark's name).
    case prompt(ExplorerPrompt)

    /// A filterable list: the query typed so far, the matching entries and the selection.
    public struct Picker: Hashable, Sendable {
        public var query: String = ""
        /// Indices (users, items or bookmarks) matching the query, in display order.
        public var matches: [Int] = []
        public var selected: Int = 0
        public var scroll: Int = 0
        /// True when more entries matched than are listed.
        public var truncated = false
        /// Search by meaning: the model's name and the interest nodes nearest to the query
        /// ("Sci-Fi 0.52"); nil for a title search.
        public var meaning: [String]?
    }
}
