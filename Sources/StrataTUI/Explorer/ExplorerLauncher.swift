#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the explorer on a terminal until `q`, Ctrl-C, SIGTERM or SIGHUP. Does not shut the
/// terminal down: the caller does that, then closes its session and prints a summary.
public enum ExplorerLauncher {
    /// The outcome: why the loop ended and the final state.
    public struct Outcome: Sendable {
        public var exit: RunLoopExit
        public var state: ExplorerState
    }

    public static func run<Backend: TerminalBackend>(
        _ state: ExplorerState, on terminal: Backend, host: any ExplorerHost, framesPerSecond: Int,
        clock: @escaping () -> UInt64 = MonotonicClock.nanoseconds, isAttached: @escaping () -> Bool = { true },
        wholeLog: WholeLogLoader? = nil
    ) -> Outcome {
        var program = ExplorerProgram(state: state, terminal: terminal, host: host, clock: clock, isAttached: isAttached,
                                      wholeLog: wholeLog)
        let exit = RunLoop(framesPerSecond: min(60, max(1, framesPerSecond))).run(&program, on: terminal, clock: clock)
        wholeLog?.cancel()
        return Outcome(exit: exit, state: program.state)
    }

    /// Whether standard input still has its terminal: false once the terminal hung up (a
    /// closed pty reports POLLHUP). For `isAttached`.
    public static func standardInputIsAttached() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return true }
        return descriptor.revents & Int16(POLLHUP | POLLNVAL) == 0
    }

    /// Unblocks the signals the explorer relies on (quit signals, resize, suspend): a parent
    /// that blocked them (e.g. a dispatch worker thread spawning us) would otherwise pass the
    /// mask on, and Ctrl-C would never arrive.
    public static func unblockTerminalSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&set, signal) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }
}
