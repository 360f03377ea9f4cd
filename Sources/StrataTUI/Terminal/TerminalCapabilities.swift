#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the process's terminal can do, checked before starting the explorer so the CLI can
/// refuse with a clear message instead of drawing into a pipe.
public struct TerminalCapabilities: Hashable, Sendable {
    public var stdinIsTTY: Bool
    public var stdoutIsTTY: Bool
    /// TERM, nil when unset or empty.
    public var term: String?
    /// Whether the locale named by LC_ALL / LC_CTYPE / LANG is UTF-8. (`NcursesTerminal.isUTF8`
    /// asks the C library after `setlocale` and is the final word.)
    public var isUTF8: Bool
    /// NO_COLOR is set to a non-empty value (https://no-color.org).
    public var noColor: Bool

    public init(stdinIsTTY: Bool, stdoutIsTTY: Bool, term: String?, isUTF8: Bool, noColor: Bool) {
        self.stdinIsTTY = stdinIsTTY
        self.stdoutIsTTY = stdoutIsTTY
        self.term = term
        self.isUTF8 = isUTF8
        self.noColor = noColor
    }

    /// Reads the process's file descriptors and environment.
    public static func detect() -> TerminalCapabilities {
        let names = ["TERM", "NO_COLOR", "LC_ALL", "LC_CTYPE", "LANG"]
        var environment: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return evaluate(stdinIsTTY: isatty(STDIN_FILENO) == 1, stdoutIsTTY: isatty(STDOUT_FILENO) == 1, environment: environment)
    }

    /// The capabilities for given TTY flags and environment. Pure.
    public static func evaluate(stdinIsTTY: Bool, stdoutIsTTY: Bool, environment: [String: String]) -> TerminalCapabilities {
        let term = environment["TERM"].flatMap { $0.isEmpty ? nil : $0 }
        // POSIX precedence: the first of LC_ALL, LC_CTYPE, LANG that is set and non-empty.
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let normalized = String(locale.lowercased().filter { $0 != "-" })
        return TerminalCapabilities(
            stdinIsTTY: stdinIsTTY, stdoutIsTTY: stdoutIsTTY, term: term,
            isUTF8: normalized.hasSuffix(".utf8") || normalized.contains(".utf8@"),
            noColor: !(environment["NO_COLOR"] ?? "").isEmpty
        )
    }

    /// Why the explorer cannot run here, or nil when it can.
    public var problem: TerminalError? {
        if !stdoutIsTTY { return .notInteractive(reason: "stdout is not a terminal") }
        if !stdinIsTTY { return .notInteractive(reason: "stdin is not a terminal") }
        guard let term else { return .notInteractive(reason: "TERM is not set") }
        if term == "dumb" { return .notInteractive(reason: "TERM is 'dumb'") }
        return nil
    }

    /// True when the explorer can run.
    public var isUsable: Bool { problem == nil }

    /// Unicode glyphs for a UTF-8 locale, ASCII otherwise.
    public var glyphs: GlyphSet { .forUTF8(isUTF8) }
}
