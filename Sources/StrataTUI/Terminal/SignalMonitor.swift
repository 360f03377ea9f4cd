import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Observes SIGINT, SIGTERM and SIGHUP instead of dying from them: a C handler records the
/// first one in a `sig_atomic_t` flag (shim.c) and the owner polls `pendingSignal`, leaves its
/// loop and cleans up.
///
/// The flag is process-wide state and lives in C; this type holds nothing. Install it before
/// ncurses starts so ncurses leaves these signals alone. Also usable by headless commands.
public struct SignalMonitor: Sendable {
    public init() {}

    /// Installs the handlers (idempotent).
    public func install() throws(TerminalError) {
        guard strata_install_quit_handlers() == 0 else { throw .cannotInstallSignalHandlers }
    }

    /// Puts the previous handlers back (idempotent). A recorded signal stays pending.
    public func uninstall() { strata_restore_quit_handlers() }

    /// The first quit signal received since `clear()`, if any.
    public var pendingSignal: TerminalSignal? { Self.signal(number: strata_pending_quit_signal()) }

    /// Forgets the pending signal.
    public func clear() { strata_clear_pending_quit_signal() }

    /// The signal for a POSIX signal number, nil for 0 and others.
    public static func signal(number: Int32) -> TerminalSignal? {
        switch number {
        case SIGINT: .interrupt
        case SIGTERM: .terminate
        case SIGHUP: .hangup
        default: nil
        }
    }
}
