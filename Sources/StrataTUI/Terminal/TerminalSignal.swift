/// A request to stop that arrived as a signal; the loop ends normally so the app can clean up.
public enum TerminalSignal: Hashable, Sendable {
    /// SIGINT (Ctrl-C).
    case interrupt
    /// SIGTERM.
    case terminate
    /// SIGHUP (the terminal went away).
    case hangup
}
