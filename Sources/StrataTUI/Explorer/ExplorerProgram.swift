/// Adapts `ExplorerState` to the toolkit's `RunLoop`: keys, mouse reports and ticks become actions, effects
/// go to the host, and the state is drawn with `ExplorerScreen`.
///
/// The clock is read here (never in the state): each tick's cost is measured and fed back
/// as `.measured`, so full speed fills the frame budget without overrunning it.
public struct ExplorerProgram<Backend: TerminalBackend>: TerminalProgram {
    public private(set) var state: ExplorerState
    public let terminal: Backend
    public let host: any ExplorerHost
    private let clock: () -> UInt64
    private let isAttached: () -> Bool
    private var ticks = 0
    /// The whole log loading behind a preview (nil when the explorer has it all).
    private let wholeLog: WholeLogLoader?

    /// `isAttached` is asked about once a second; false (the terminal hung up) ends the loop.
    public init(state: ExplorerState, terminal: Backend, host: any ExplorerHost, clock: @escaping () -> UInt64,
                isAttached: @escaping () -> Bool = { true }, wholeLog: WholeLogLoader? = nil) {
        self.state = state
        self.wholeLog = wholeLog
        self.terminal = terminal
        self.host = host
        self.clock = clock
        self.isAttached = isAttached
        syncSize()
    }

    public var shouldQuit: Bool { state.shouldQuit }

    public mutating func handle(_ key: Key) {
        if key == .resize { syncSize() }
        dispatch(.key(key))
    }

    public mutating func handle(mouse event: MouseEvent) {
        dispatch(.mouse(event, now: clock()))
    }

    public mutating func tick(now: UInt64) {
        ticks += 1
        if ticks % state.configuration.framesPerSecond == 0 && !isAttached() {
            dispatch(.feedback(.terminalLost))
            return
        }
        syncSize()
        if let wholeLog, state.canAdoptWholeLog {
            state.follow(wholeLog: wholeLog.follow(position: state.replayer.position, decisions: state.replayer.decisions))
        }
        let started = clock()
        dispatch(.tick(now: now))
        let steps = state.lastTickSteps
        if steps > 0 && state.isFullSpeed {
            let elapsed = clock() &- started
            dispatch(.measured(events: steps, nanoseconds: elapsed))
        }
    }

    public func render(into buffer: inout ScreenBuffer) {
        ExplorerScreen.render(state, into: &buffer, glyphs: terminal.glyphs)
    }

    /// Applies an action and performs its effects, feeding the host's answers back.
    public mutating func dispatch(_ action: ExplorerAction) {
        host.dispatch(action, to: &state)
    }

    private mutating func syncSize() {
        let size = terminal.size
        if size != state.size { _ = state.apply(.resize(width: size.width, height: size.height)) }
    }
}
