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

    /// Queued input: keys as the decoder would deliver them, or raw units it still has to decode.
    private enum Input {
        case key(Key)
        case raw(RawInput)
    }

    private var keys: [Input] = []
    private var keyIndex = 0
    private var decoder = InputDecoder()
    private var needsFullRedraw = true

    public init(width: Int, height: Int, glyphs: GlyphSet = .unicode) {
        self.size = TerminalSize(width: width, height: height)
        self.glyphs = glyphs
        self.screen = ScreenBuffer(width: width, height: height)
    }

    /// Queues keys for `readKey`.
    public func enqueue(_ newKeys: Key...) { keys.append(contentsOf: newKeys.map(Input.key)) }

    /// Queues the characters of `text` as `.char` keys.
    public func type(_ text: String) { keys.append(contentsOf: text.map { Input.key(.char($0)) }) }

    /// Queues `text` as the bytes a terminal sends (escape sequences included), decoded as the
    /// real terminal decodes them; raw units queued together arrive together.
    public func send(_ text: String) { keys.append(contentsOf: text.unicodeScalars.map { Input.raw(.character($0.value)) }) }

    /// Queues an SGR mouse report (mode 1006) as a terminal sends it: button code `code`
    /// (0 left, 64 wheel up, 65 wheel down) pressed, or released, at a zero-based cell.
    public func click(column: Int, row: Int, button code: Int = 0, release: Bool = false) {
        send("\u{1B}[<\(code);\(column + 1);\(row + 1)" + (release ? "m" : "M"))
    }

    /// Queues raw units as `get_wch` would return them (key codes included).
    public func send(_ units: [RawInput]) { keys.append(contentsOf: units.map(Input.raw)) }

    /// Changes the size and queues `.resize`, as a terminal window would.
    public func resize(width: Int, height: Int) {
        size = TerminalSize(width: width, height: height)
        needsFullRedraw = true
        keys.append(.key(.resize))
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
        while let input = readInput(timeoutMilliseconds: timeoutMilliseconds) {
            if case .key(let key) = input { return key }
        }
        return nil
    }

    public func readInput(timeoutMilliseconds: Int) -> InputEvent? {
        if decoder.hasPendingInput || nextRaw(consume: false) != nil {
            if let input = decoder.nextInput(timeoutMilliseconds: 0, read: { _ in nextRaw(consume: true) }) { return input }
        }
        if keyIndex < keys.count, case .key(let key) = keys[keyIndex] {
            keyIndex += 1
            return .key(key)
        }
        waits.append(timeoutMilliseconds)
        onWait?(timeoutMilliseconds)
        return nil
    }

    public func shutdown() { isShutDown = true }

    /// The next queued raw unit, nil when the queue is empty or a decoded key comes first.
    private func nextRaw(consume: Bool) -> RawInput? {
        guard keyIndex < keys.count, case .raw(let unit) = keys[keyIndex] else { return nil }
        if consume { keyIndex += 1 }
        return unit
    }
}
