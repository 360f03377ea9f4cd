import StrataCore

/// What `n` / `N` jump to (issue 13, item 3), chosen with `m`: the focused user's drift
/// alerts (the default), their tier changes, the decisions (theirs), or the bookmarks.
public enum MarkKind: String, CaseIterable, Hashable, Sendable {
    case driftAlert = "drift alert"
    case labelChange = "tier change"
    case decision = "decision"
    case bookmark = "bookmark"

    /// The next kind in the `m` cycle.
    public var next: MarkKind {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// A named place in the stream, kept in the session (`b` names it; the timeline draws it; `B`
/// lists them), with the view to bring back when it is picked.
public struct ExplorerBookmark: Hashable, Sendable {
    public var position: Int
    public var label: String
    /// The view when it was made; nil for bookmarks from sessions before they kept one.
    public var view: View?

    /// The focused user, the playback speed and the ground-truth overlay.
    public struct View: Hashable, Sendable {
        public var user: String
        /// Index into `PlaybackSpeed.ladder`.
        public var speedIndex: Int
        public var showsTruth: Bool

        public init(user: String, speedIndex: Int, showsTruth: Bool) {
            self.user = user
            self.speedIndex = speedIndex
            self.showsTruth = showsTruth
        }
    }

    public init(position: Int, label: String, view: View? = nil) {
        self.position = position
        self.label = label
        self.view = view
    }
}

/// A one-line text prompt over the status line: `:` (a position to go to) or `b` (a
/// bookmark's name).
public struct ExplorerPrompt: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case goTo
        case bookmarkName
    }

    public var kind: Kind
    public var text: String = ""

    /// Longest text a prompt takes (a position has at most 19 digits; a name is short).
    static let maximumLength = 60

    public init(kind: Kind, text: String = "") {
        self.kind = kind
        self.text = text
    }

    /// The prompt's question, before what was typed.
    public var question: String {
        switch kind {
        case .goTo: "go to position: "
        case .bookmarkName: "bookmark name: "
        }
    }

    /// Whether `character` may be typed: digits (and `,` `_` as separators) for a position,
    /// printable text for a name.
    func accepts(_ character: Character) -> Bool {
        switch kind {
        case .goTo: character.isASCII && (character.isNumber || character == "," || character == "_")
        case .bookmarkName: !character.isNewline && character.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
        }
    }
}
