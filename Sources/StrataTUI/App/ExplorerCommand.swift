/// What a key asks the explorer to do. `KeyMap` binds keys to commands; the help overlay and
/// Docs/explorer.md are written from the same table.
public enum ExplorerCommand: String, CaseIterable, Hashable, Sendable {
    case togglePlay, stepForward, stepBack, jumpForward, jumpBack, faster, slower
    case pickUser, search, pickBookmark, toggleFollow
    case focusNext, focusPrevious, moveUp, moveDown, pageUp, pageDown, moveFirst, moveLast
    case openDetails, accept, reject, switchList, cycleDecisionSide
    case toggleTruth, toggleAutopilot, bookmark, exportView
    case nextMark, previousMark, cycleMarkKind, goToPosition, cycleTheme
    case help, close, quit
}
