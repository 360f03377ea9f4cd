import Testing
@testable import StrataTUI

/// A program that counts ticks and keys and quits after `quitAfterTicks` ticks or on `q`.
private struct Counter: TerminalProgram {
    var quitAfterTicks: Int
    var ticks: [UInt64] = []
    var keys: [Key] = []

    var shouldQuit: Bool { ticks.count >= quitAfterTicks || keys.contains(.char("q")) }

    mutating func handle(_ key: Key) { keys.append(key) }
    mutating func tick(now: UInt64) { ticks.append(now) }
    func render(into buffer: inout ScreenBuffer) {
        buffer.write("t\(ticks.count) k\(keys.count)", x: 0, y: 0)
    }
}

/// A fake monotonic clock that the in-memory terminal advances while "waiting".
private final class FakeClock {
    var now: UInt64 = 0
}

@Suite struct RunLoopTests {
    private let millisecond: UInt64 = 1_000_000

    @Test func ticksAtTheFrameRateAndDrainsKeysBeforeDrawing() {
        let terminal = InMemoryTerminal(width: 10, height: 1)
        let clock = FakeClock()
        terminal.onWait = { clock.now += UInt64($0) * 1_000_000 }
        terminal.enqueue(.char("a"), .char("b"))
        var program = Counter(quitAfterTicks: 3)

        let exit = RunLoop(framesPerSecond: 30).run(&program, on: terminal, clock: { clock.now })

        #expect(exit == .quit)
        #expect(program.keys == [.char("a"), .char("b")])
        #expect(program.ticks == [0, 34 * millisecond, 67 * millisecond])
        // Frames: first tick, after the two keys (drained together), second tick, third tick.
        #expect(terminal.frameCount == 4)
        #expect(terminal.waits == [0, 34, 33, 33])
        #expect(terminal.screen.lines() == ["t3 k2     "])
    }

    @Test func stopsOnAPendingSignalBeforeDrawing() {
        let terminal = InMemoryTerminal(width: 4, height: 1)
        terminal.pendingSignal = .interrupt
        var program = Counter(quitAfterTicks: 100)
        let exit = RunLoop().run(&program, on: terminal, clock: { 0 })
        #expect(exit == .signal(.interrupt))
        #expect(terminal.frameCount == 0)
    }

    @Test func repaintsFullyAfterAResizeAndCtrlL() {
        let terminal = InMemoryTerminal(width: 6, height: 2)
        let clock = FakeClock()
        terminal.onWait = { clock.now += UInt64($0) * 1_000_000 }
        var program = Counter(quitAfterTicks: 2)
        terminal.resize(width: 8, height: 1)
        terminal.enqueue(.ctrl("l"))

        let exit = RunLoop(framesPerSecond: 10).run(&program, on: terminal, clock: { clock.now })

        #expect(exit == .quit)
        #expect(program.keys == [.resize, .ctrl("l")])
        #expect(terminal.screen.width == 8)
        #expect(terminal.frameCount == 3)
        #expect(terminal.cellsWritten == 8 + 8 + 1)
    }
}
