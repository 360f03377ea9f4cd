/// A real backend that draws into memory: tests queue keys, resize it, and inspect `screen`
/// and the counters. Waiting never sleeps; `onWait` lets a test advance a fake clock instead.
///
/// A class because the loop and the test share one screen.
public final class InMemoryTerminal: TerminalBackend {
    public private(set) var size: TerminalSize
    public let glyphs: GlyphSet
    public var pendingSignal: TerminalSignal?

    /// What the terminal shows: the last buffer drawn (blank before the first draw).
    public private(set) var screen: ScreenBuffer
    /// Cells written by the last `draw`.
    public private(set) var cellsWrittenLastFrame = 0
    /// Cells written by all draws.
    public private(set) var cellsWritten = 0
    /// Number of `draw` calls.
    public private(set) var frameCount = 0
    /// Whether the last `draw` repainted everything.
    public private(set) var lastFrameWasFull = false
    public private(set) var isShutDown = false
    /// Timeouts passed to `readKey`, in order.
    public private(set) var waits: [Int] = []
    /// Called with the timeout whenever `readKey` finds no key queued.
    public var onWait: ((Int) -> Void)?

    private var keys: [Key] = []
    private var keyIndex = 0
    private var needsFullRedraw = true

    public init(width: Int, height: Int, glyphs: GlyphSet = .unicode) {
        self.size = TerminalSize(width: width, height: height)
        self.glyphs = glyphs
        self.screen = ScreenBuffer(width: width, height: height)
    }

    /// Queues keys for `readKey`.
    public func enqueue(_ newKeys: Key...) { keys.append(contentsOf: newKeys) }

    /// Queues the characters of `text` as `.char` keys.
    public func type(_ text: String) { keys.append(contentsOf: text.map { Key.char($0) }) }

    /// Changes the size and queues `.resize`, as a terminal window would.
    public func resize(width: Int, height: Int) {
        size = TerminalSize(width: width, height: height)
        needsFullRedraw = true
        keys.append(.resize)
    }

    /// Number of keys queued and not yet read.
    public var pendingKeyCount: Int { keys.count - keyIndex }

    public func draw(_ buffer: ScreenBuffer) {
        var written = 0
        let full = needsFullRedraw || buffer.width != screen.width || buffer.height != screen.height
        buffer.forEachChange(from: full ? nil : screen) { _, _, _ in written += 1 }
        screen = buffer
        cellsWrittenLastFrame = written
        cellsWritten += written
        frameCount += 1
        lastFrameWasFull = full
        needsFullRedraw = false
    }

    public func invalidate() { needsFullRedraw = true }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        if keyIndex < keys.count {
            defer { keyIndex += 1 }
            return keys[keyIndex]
        }
        waits.append(timeoutMilliseconds)
        onWait?(timeoutMilliseconds)
        return nil
    }

    public func shutdown() { isShutDown = true }
}
