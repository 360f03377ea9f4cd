/// A key press (or a resize) as the application sees it.
public enum Key: Hashable, Sendable {
    /// A printable character, including space.
    case char(Character)
    case up, down, left, right
    case enter, tab, backTab, escape, backspace, delete
    case pageUp, pageDown, home, end
    /// The terminal changed size; the backend has already adopted the new size.
    case resize
    /// Control plus a letter, lowercase (`.ctrl("l")` is Ctrl-L). Tab, Enter and Backspace
    /// arrive as their own cases.
    case ctrl(Character)
    /// Function key F1, F2, …
    case function(Int)
}

extension Key: CustomStringConvertible {
    /// How help screens name the key: `q`, `Space`, `→`, `Ctrl-L`, `F1`.
    public var description: String {
        switch self {
        case .char(" "): "Space"
        case .char(let character): String(character)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .resize: "Resize"
        case .ctrl(let character): "Ctrl-" + String(character).uppercased()
        case .function(let number): "F\(number)"
        }
    }
}
