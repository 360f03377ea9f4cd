/// Where frames are drawn and keys come from: the real terminal (`NcursesTerminal`) or an
/// in-memory one for tests (`InMemoryTerminal`).
///
/// Backends are classes because they own a resource (the terminal, or the recorded screen);
/// they are not `Sendable`: one thread creates one and uses it until `shutdown()`.
public protocol TerminalBackend: AnyObject {
    /// The current size; the next frame should be rendered into a buffer this size.
    var size: TerminalSize { get }

    /// The glyphs this terminal can show.
    var glyphs: GlyphSet { get }

    /// A quit signal received and not yet handled; the loop polls it between keys.
    var pendingSignal: TerminalSignal? { get }

    /// Shows `buffer`, writing only cells that differ from the last frame drawn (all of them
    /// after `invalidate()` or when the size changed).
    func draw(_ buffer: ScreenBuffer)

    /// Makes the next `draw` repaint every cell (after a resize, or Ctrl-L).
    func invalidate()

    /// Waits up to `timeoutMilliseconds` (0: just look) for a key; nil when none came in time
    /// or a signal interrupted the wait.
    func readKey(timeoutMilliseconds: Int) -> Key?

    /// As `readKey`, but mouse reports come through too (when the terminal sends them).
    func readInput(timeoutMilliseconds: Int) -> InputEvent?

    /// Gives the terminal back as it was found. Safe to call more than once.
    func shutdown()
}

extension TerminalBackend {
    /// A backend without mouse input: its keys.
    public func readInput(timeoutMilliseconds: Int) -> InputEvent? {
        readKey(timeoutMilliseconds: timeoutMilliseconds).map(InputEvent.key)
    }
}
