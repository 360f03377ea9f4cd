import CNcursesw
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the stand-in crash reporter writes (a C signal handler cannot capture context).
nonisolated(unsafe) private var reporterPipe: Int32 = -1

/// The crash handler in a forked child (issue 8 #18): for the process's own fault it runs the
/// handler installed before it (Swift's crash reporter, here a stand-in that writes `P`), and in
/// every case the process then dies by the signal — even though that handler returns, as
/// Swift's does. The tmux test covers the terminal side with the real binary.
@Suite("Crash handler", .serialized)
struct CrashHandlerTests {
    enum Trigger {
        /// The process raises the signal itself (as abort() and Swift traps do).
        case ownFault
        /// Another process sends it (kill -SEGV).
        case sentByAnotherProcess
    }

    /// Forks a child that installs the stand-in reporter, then the crash handler, writes `R`
    /// and takes `signal`. Returns the signal that ended it (0 when it exited) and what it wrote.
    static func runChild(signal: Int32, trigger: Trigger) -> (killedBy: Int32, output: String) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return (-1, "pipe failed") }
        reporterPipe = fds[1]                          // initialised before the fork, not lazily in the child
        let child = fork()
        if child == 0 {
            // Only async-signal-safe calls from here on: the child of a threaded process.
            // Test threads block most signals; the child takes them as a program's main thread does.
            var none = sigset_t()
            sigemptyset(&none)
            sigprocmask(SIG_SETMASK, &none, nil)
            close(fds[0])
            var noCore = rlimit(rlim_cur: 0, rlim_max: 0)
            setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &noCore)
            alarm(5)                                   // a child that survives must not hang the test
            var reporter = sigaction()
            reporter.__sigaction_handler.sa_handler = { _ in
                var byte: UInt8 = 0x50                 // P
                _ = write(reporterPipe, &byte, 1)
            }
            sigemptyset(&reporter.sa_mask)
            sigaction(signal, &reporter, nil)
            strata_install_crash_handlers(fds[1])
            var ready: UInt8 = 0x52                    // R
            _ = write(fds[1], &ready, 1)
            if trigger == .ownFault { raise(signal) }
            while true { pause() }
        }
        close(fds[1])
        var output = ""
        // One byte within 10 s, else nil (a child that hangs is killed, never waited for forever).
        func nextByte() -> UInt8? {
            var descriptor = pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 10_000) == 1 else { return nil }
            var byte: UInt8 = 0
            return read(fds[0], &byte, 1) == 1 ? byte : nil
        }
        if let ready = nextByte() { output.append(Character(Unicode.Scalar(ready))) }
        if trigger == .sentByAnotherProcess { kill(child, signal) }
        while let byte = nextByte() { output.append(Character(Unicode.Scalar(byte))) }
        close(fds[0])
        kill(child, SIGKILL)                           // no-op once it is dead
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7F, output)
    }

    @Test("an own fault runs the previous handler, then dies by the signal", arguments: [SIGABRT, SIGSEGV, SIGILL])
    func ownFault(signal: Int32) {
        let (killedBy, output) = Self.runChild(signal: signal, trigger: .ownFault)
        #expect(killedBy == signal, "ended by \(killedBy), not \(signal)")
        #expect(output == "RP", "the previous handler (the crash report) runs once: \(output)")
    }

    @Test("a fatal signal from another process ends it at once, without the crash report", arguments: [SIGABRT, SIGSEGV])
    func sentByAnotherProcess(signal: Int32) {
        let (killedBy, output) = Self.runChild(signal: signal, trigger: .sentByAnotherProcess)
        #expect(killedBy == signal, "ended by \(killedBy), not \(signal)")
        #expect(output == "R")
    }
}
