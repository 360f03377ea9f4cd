/// Performs the explorer's effects outside the state: the CLI's host writes decisions,
/// bookmarks and the last state to the session file. Returns feedback for the state, if any.
///
/// A class-bound protocol because a host owns resources (the session store). Nothing it does
/// may write to the terminal while the explorer owns it: messages go back as feedback.
public protocol ExplorerHost: AnyObject {
    func perform(_ effect: ExplorerEffect) -> ExplorerFeedback?
}

/// A host that performs nothing (no session): tests, the benchmark, `strata explore` without
/// `--session`.
public final class NoSessionHost: ExplorerHost {
    public private(set) var effects: [ExplorerEffect] = []

    public init() {}

    public func perform(_ effect: ExplorerEffect) -> ExplorerFeedback? {
        effects.append(effect)
        if case .bookmark = effect { return .notice("bookmarks need a session: start with --session FILE") }
        return nil
    }
}
