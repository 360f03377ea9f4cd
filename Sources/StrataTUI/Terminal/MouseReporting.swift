/// Whether and how the explorer asks the terminal for mouse reports (Docs/explorer.md "Mouse";
/// the decisions: its "Design notes" 1).
///
/// The private modes are written directly, ncurses' `mousemask` stays 0: ncurses would pick
/// the protocol from terminfo (tmux-256color declares only X10's `Esc [ M`, so no clicks past
/// column 223 and no SGR), decode reports itself into `getmouse`, and interleave them with
/// `get_wch` in its own way; `InputDecoder` already reads both encodings from raw bytes.
public enum MouseReporting {
    /// 1000: report button presses and releases (the wheel is buttons 4 and 5); 1006: in SGR
    /// form, `Esc [ < b ; x ; y M|m`, unbounded coordinates and a release that says it is one.
    /// Not 1002 (motion while a button is held) nor 1003 (all motion): no drag does anything,
    /// and they would flood the input with reports to drop.
    public static let enable = "\u{1B}[?1000h\u{1B}[?1006h"
    /// The reverse, in reverse order.
    public static let disable = "\u{1B}[?1006l\u{1B}[?1000l"

    /// Terminal types known to speak xterm's mouse protocol even when their terminfo entry
    /// has no `kmous` (tmux's and screen's entries, some xterm variants).
    static let xtermLikePrefixes = ["xterm", "tmux", "screen", "rxvt", "alacritty", "kitty", "foot", "wezterm", "vte", "gnome", "konsole", "st-", "contour"]

    /// Whether to switch mouse reporting on: asked for (no `--no-mouse`), and the terminal
    /// declares a mouse (terminfo `kmous`) or its TERM names an xterm-like terminal. The Linux
    /// console, `vt100` and the like get no private modes they do not know. Pure.
    public static func shouldEnable(requested: Bool, term: String?, kmous: String?) -> Bool {
        guard requested else { return false }
        if let kmous, !kmous.isEmpty { return true }
        guard let term = term?.lowercased(), !term.isEmpty else { return false }
        return term == "st" || xtermLikePrefixes.contains { term.hasPrefix($0) }
    }
}
