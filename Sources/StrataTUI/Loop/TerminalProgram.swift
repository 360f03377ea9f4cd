/// An interactive program driven by `RunLoop` (Model–Update–View, as in bubbletea).
///
/// Keys and time change the state; `render` only reads it. A class or a struct both work.
public protocol TerminalProgram {
    /// Reacts to one key (`.resize` included; the backend already has the new size).
    mutating func handle(_ key: Key)

    /// Reacts to one mouse report (only when the terminal reports the mouse). Default: ignored.
    mutating func handle(mouse: MouseEvent)

    /// Advances time-driven state (playback) to `now`, monotonic nanoseconds. Called once per frame.
    mutating func tick(now: UInt64)

    /// Draws the current state into `buffer`, which is blank and the terminal's size.
    func render(into buffer: inout ScreenBuffer)

    /// True once the program wants the loop to end.
    var shouldQuit: Bool { get }
}

extension TerminalProgram {
    public mutating func handle(mouse: MouseEvent) {}
}

/// Why `RunLoop.run` returned.
public enum RunLoopExit: Hashable, Sendable {
    /// The program set `shouldQuit`.
    case quit
    /// A quit signal arrived (Ctrl-C, SIGTERM, SIGHUP); the program still gets to clean up.
    case signal(TerminalSignal)
}
