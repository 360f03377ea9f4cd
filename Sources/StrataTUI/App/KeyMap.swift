/// The one table of keys (STYLE.md "one table drives several outputs"): key handling, the
/// help overlay and the test that every key is documented in Docs/explorer.md all read it.
public struct KeyMap: Sendable {
    /// One binding: the keys, the command, and the words the help overlay shows.
    public struct Binding: Hashable, Sendable {
        public var keys: [Key]
        public var command: ExplorerCommand
        public var section: Section
        public var summary: String

        /// How the help overlay names the keys: `→ l`.
        public var keyText: String { keys.map(\.description).joined(separator: " ") }
    }

    /// Groups of the help overlay.
    public enum Section: String, CaseIterable, Hashable, Sendable {
        case playback = "Playback"
        case navigation = "Navigation"
        case teaching = "Teach the model"
        case view = "View"
    }

    public let bindings: [Binding]
    private let commandByKey: [Key: ExplorerCommand]

    public init(bindings: [Binding]) {
        self.bindings = bindings
        var table: [Key: ExplorerCommand] = [:]
        for binding in bindings {
            for key in binding.keys where table[key] == nil { table[key] = binding.command }
        }
        commandByKey = table
    }

    /// The command bound to `key`, if any. O(1).
    public func command(for key: Key) -> ExplorerCommand? { commandByKey[key] }

    /// Keys that only mean something inside the user picker and the item search.
    public static let textInputKeys: [(keys: String, summary: String)] = [
        ("type", "filter the list"),
        ("Backspace", "delete the last character"),
        ("↑ ↓", "move the selection"),
        ("Enter", "pick the selected entry"),
        ("Esc", "close without picking"),
    ]

    /// Keys handled by the terminal or the loop rather than the explorer.
    public static let terminalKeys: [(keys: String, summary: String)] = [
        ("Ctrl-L", "redraw the whole screen"),
        ("Ctrl-Z", "suspend (resume with fg)"),
        ("Ctrl-C", "quit, saving the session"),
    ]

    public static let standard = KeyMap(bindings: [
        Binding(keys: [.char(" ")], command: .togglePlay, section: .playback, summary: "play / pause"),
        Binding(keys: [.right, .char("l")], command: .stepForward, section: .playback, summary: "step one event forward"),
        Binding(keys: [.left, .char("h")], command: .stepBack, section: .playback, summary: "step one event back (exact rewind)"),
        Binding(keys: [.char("]")], command: .jumpForward, section: .playback, summary: "jump 100 events forward"),
        Binding(keys: [.char("[")], command: .jumpBack, section: .playback, summary: "jump 100 events back"),
        Binding(keys: [.char("+"), .char("=")], command: .faster, section: .playback, summary: "faster (up to full speed)"),
        Binding(keys: [.char("-"), .char("_")], command: .slower, section: .playback, summary: "slower (down to 1 event/s)"),
        Binding(keys: [.tab], command: .focusNext, section: .navigation, summary: "focus the next pane"),
        Binding(keys: [.backTab], command: .focusPrevious, section: .navigation, summary: "focus the previous pane"),
        Binding(keys: [.up, .char("k")], command: .moveUp, section: .navigation, summary: "move up in the pane"),
        Binding(keys: [.down, .char("j")], command: .moveDown, section: .navigation, summary: "move down in the pane"),
        Binding(keys: [.pageUp], command: .pageUp, section: .navigation, summary: "page up"),
        Binding(keys: [.pageDown], command: .pageDown, section: .navigation, summary: "page down"),
        Binding(keys: [.home, .char("g")], command: .moveFirst, section: .navigation, summary: "first row"),
        Binding(keys: [.end, .char("G")], command: .moveLast, section: .navigation, summary: "last row"),
        Binding(keys: [.enter], command: .openDetails, section: .navigation, summary: "details (tree: fold / unfold)"),
        Binding(keys: [.char("n")], command: .nextMark, section: .navigation, summary: "next drift alert of the user (or what m chose)"),
        Binding(keys: [.char("N")], command: .previousMark, section: .navigation, summary: "previous drift alert (or what m chose)"),
        Binding(keys: [.char("m")], command: .cycleMarkKind, section: .navigation, summary: "n/N: drift alerts, tier changes, decisions, bookmarks"),
        Binding(keys: [.char("B"), .char("'")], command: .pickBookmark, section: .navigation, summary: "bookmarks: pick one, go there with its user, speed, overlay"),
        Binding(keys: [.char(":")], command: .goToPosition, section: .navigation, summary: "go to an event position (type it, Enter)"),
        Binding(keys: [.char("u")], command: .pickUser, section: .navigation, summary: "pick the focused user"),
        Binding(keys: [.char("f")], command: .toggleFollow, section: .navigation, summary: "follow the stream's user"),
        Binding(keys: [.char("/")], command: .search, section: .navigation, summary: "search items by title"),
        Binding(keys: [.char("a")], command: .accept, section: .teaching, summary: "accept the selected or shown item"),
        Binding(keys: [.char("r")], command: .reject, section: .teaching, summary: "reject the selected or shown item"),
        Binding(keys: [.char("v")], command: .switchList, section: .teaching, summary: "A/B: select in A's or B's list"),
        Binding(keys: [.char("s")], command: .cycleDecisionSide, section: .teaching, summary: "A/B: answers go to both, A or B"),
        Binding(keys: [.char("A")], command: .toggleAutopilot, section: .teaching, summary: "autopilot: the simulated user answers"),
        Binding(keys: [.char("b")], command: .bookmark, section: .teaching, summary: "bookmark this position, named (session)"),
        Binding(keys: [.char("t")], command: .toggleTruth, section: .view, summary: "ground truth overlay (scenarios)"),
        Binding(keys: [.char("c")], command: .cycleTheme, section: .view, summary: "colour theme: standard / projector"),
        Binding(keys: [.char("x")], command: .exportView, section: .view, summary: "export the view to JSON and CSV files"),
        Binding(keys: [.char("?")], command: .help, section: .view, summary: "this help"),
        Binding(keys: [.escape], command: .close, section: .view, summary: "close the overlay"),
        Binding(keys: [.char("q")], command: .quit, section: .view, summary: "quit (in help or details: close it)"),
    ])
}
