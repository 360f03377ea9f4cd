import StrataCore

/// Everything that can change an `ExplorerState` (Model–Update–View, STYLE.md): the state
/// changes only in `ExplorerState.apply(_:)`, so every screen is a function of the actions
/// that led to it.
public enum ExplorerAction: Hashable, Sendable {
    /// A key press (`.resize` included).
    case key(Key)
    /// A mouse report; `now` (monotonic nanoseconds, read by the program, never by the state)
    /// tells a double-click from two clicks (ExplorerState+Mouse.swift).
    case mouse(MouseEvent, now: UInt64)
    /// One frame's worth of time passed; `now` is monotonic nanoseconds. Plays events.
    case tick(now: UInt64)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// How long the last tick's work took, so full speed fills the frame budget and no more.
    case measured(events: Int, nanoseconds: UInt64)
    /// The outcome of an effect the host performed.
    case feedback(ExplorerFeedback)
}

/// What the host reports back after performing an effect.
public enum ExplorerFeedback: Hashable, Sendable {
    /// The decision of a `.persist` effect is committed: the state applies it now.
    case committed(ReplayDecision)
    /// The decision of a `.persist` effect could not be committed; it is not applied, and
    /// the message is shown in the status line.
    case persistFailed(String)
    /// A bookmark or the last position could not be saved; shown in the status line.
    case saveFailed(String)
    /// A bookmark was saved.
    case bookmarked(ExplorerBookmark)
    /// Something to show the user briefly (e.g. a failed bookmark).
    case notice(String)
    /// The files of an `.exportView` effect were written.
    case viewExported(files: [String])
    /// The view could not be written (the message says which file and why).
    case viewExportFailed(String)
    /// The terminal went away (hung up) without a signal getting through: leave the loop.
    case terminalLost
}
