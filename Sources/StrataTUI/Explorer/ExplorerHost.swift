/// Performs the explorer's effects outside the state: the CLI's host writes decisions,
/// bookmarks and the last state to the session file. Returns feedback for the state, if any.
///
/// A class-bound protocol because a host owns resources (the session store). Nothing it does
/// may write to the terminal while the explorer owns it: messages go back as feedback.
public protocol ExplorerHost: AnyObject {
    /// Must answer `.persist(d)` with `.committed(d)` once `d` is durably saved, or with
    /// `.persistFailed`; the state applies a decision only on `.committed`.
    func perform(_ effect: ExplorerEffect) -> ExplorerFeedback?
}

extension ExplorerHost {
    /// Applies `action`, performs its effects and feeds the answers back until nothing is
    /// left (the explorer's loop; tests and the benchmark use it too). Returns every effect
    /// the state asked for, `.quit` included (not performed: the loop ends on it).
    @discardableResult
    public func dispatch(_ action: ExplorerAction, to state: inout ExplorerState) -> [ExplorerEffect] {
        var pending = state.apply(action)
        var all = pending
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            if effect == .quit { continue }
            if let feedback = perform(effect) {
                let more = state.apply(.feedback(feedback))
                pending += more
                all += more
            }
        }
        return all
    }
}

/// A host that performs nothing (no session): tests, the benchmark, `strata explore` without
/// `--session`.
public final class NoSessionHost: ExplorerHost {
    public private(set) var effects: [ExplorerEffect] = []

    public init() {}

    public func perform(_ effect: ExplorerEffect) -> ExplorerFeedback? {
        effects.append(effect)
        switch effect {
        case .persist(let decision): return .committed(decision)  // nothing to save: committed at once
        case .bookmark: return .notice("bookmarks need a session: start with --session FILE")
        case .saveLastState, .exportView, .quit: return nil
        }
    }
}
