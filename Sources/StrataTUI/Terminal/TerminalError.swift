/// Why the terminal interface could not start.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// stdin or stdout is not a terminal, or TERM is unset or "dumb".
    case notInteractive(reason: String)
    /// ncurses does not know the terminal type.
    case unknownTerminal(term: String)
    case cannotInstallSignalHandlers

    public var description: String {
        switch self {
        case .notInteractive(let reason):
            "the explorer needs an interactive terminal (\(reason)); for a report without one, run `strata replay --headless`"
        case .unknownTerminal(let term):
            "the terminal type '\(term)' is not in the terminfo database; set TERM (e.g. TERM=xterm-256color) or run `strata replay --headless`"
        case .cannotInstallSignalHandlers:
            "could not install the SIGINT/SIGTERM/SIGHUP handlers"
        }
    }
}
