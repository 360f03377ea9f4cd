/// Drives a `TerminalProgram` on a `TerminalBackend` at a steady frame rate.
///
/// Each turn: stop on a pending signal or `shouldQuit`; when a frame is due, `tick` and
/// render; otherwise wait in `readInput` until the next frame is due. A key (or mouse report)
/// is handled at once, then all input already pending is drained (timeout 0) before the next
/// render, so key repeat or a spun wheel never queues up frames. `.resize` and Ctrl-L make the backend repaint fully.
public struct RunLoop: Sendable {
    public var pacer: FramePacer

    public init(framesPerSecond: Int = 30) {
        pacer = FramePacer(framesPerSecond: framesPerSecond)
    }

    /// Runs until the program quits or a signal arrives. `clock` returns monotonic
    /// nanoseconds (`MonotonicClock.nanoseconds` outside tests). Does not shut the backend down.
    public func run<Program: TerminalProgram, Backend: TerminalBackend>(
        _ program: inout Program, on terminal: Backend, clock: () -> UInt64
    ) -> RunLoopExit {
        var deadline = clock()
        var needsRender = true
        while true {
            if let signal = terminal.pendingSignal { return .signal(signal) }
            if program.shouldQuit { return .quit }
            let now = clock()
            if now >= deadline {
                program.tick(now: now)
                deadline = pacer.nextDeadline(after: deadline, now: now)
                needsRender = true
            }
            if needsRender {
                render(program, on: terminal)
                needsRender = false
            }
            let timeout = pacer.timeoutMilliseconds(now: clock(), deadline: deadline)
            var input = terminal.readInput(timeoutMilliseconds: timeout)
            while let received = input {
                switch received {
                case .key(let pressed):
                    if pressed == .resize || pressed == .ctrl("l") { terminal.invalidate() }
                    program.handle(pressed)
                case .mouse(let event):
                    program.handle(mouse: event)
                }
                needsRender = true
                if program.shouldQuit || terminal.pendingSignal != nil { break }
                input = terminal.readInput(timeoutMilliseconds: 0)
            }
        }
    }

    /// Renders one frame into a fresh buffer the size of the terminal and draws it.
    public func render<Program: TerminalProgram, Backend: TerminalBackend>(_ program: Program, on terminal: Backend) {
        let size = terminal.size
        var buffer = ScreenBuffer(width: size.width, height: size.height)
        program.render(into: &buffer)
        terminal.draw(buffer)
    }
}
