import Testing
@testable import StrataTUI

@Suite struct InMemoryTerminalTests {
    @Test func writesOnlyChangedCells() {
        let terminal = InMemoryTerminal(width: 10, height: 3)
        var frame = ScreenBuffer(width: 10, height: 3)
        frame.write("hello", x: 0, y: 0)
        terminal.draw(frame)
        #expect(terminal.cellsWrittenLastFrame == 30)
        #expect(terminal.lastFrameWasFull)

        terminal.draw(frame)
        #expect(terminal.cellsWrittenLastFrame == 0)

        frame.write("abc", x: 2, y: 1)
        frame.write("H", x: 0, y: 0)
        terminal.draw(frame)
        #expect(terminal.cellsWrittenLastFrame == 4)
        #expect(!terminal.lastFrameWasFull)
        #expect(terminal.screen.lines() == ["Hello     ", "  abc     ", "          "])

        frame.write("x", x: 9, y: 2, style: Style(bold: true))
        terminal.draw(frame)
        #expect(terminal.cellsWrittenLastFrame == 1)
        #expect(terminal.cellsWritten == 35)
        #expect(terminal.frameCount == 4)
    }

    @Test func wideCharactersCountOnce() {
        let terminal = InMemoryTerminal(width: 4, height: 1)
        var frame = ScreenBuffer(width: 4, height: 1)
        terminal.draw(frame)
        frame.write("漢", x: 1, y: 0)
        terminal.draw(frame)
        #expect(terminal.cellsWrittenLastFrame == 1)
        #expect(terminal.screen.lines() == [" 漢 "])
    }

    @Test func invalidateAndResizeRepaintEverything() {
        let terminal = InMemoryTerminal(width: 4, height: 2)
        terminal.draw(ScreenBuffer(width: 4, height: 2))
        terminal.invalidate()
        terminal.draw(ScreenBuffer(width: 4, height: 2))
        #expect(terminal.cellsWrittenLastFrame == 8)

        terminal.resize(width: 3, height: 3)
        #expect(terminal.size == TerminalSize(width: 3, height: 3))
        #expect(terminal.readKey(timeoutMilliseconds: 10) == .resize)
        terminal.draw(ScreenBuffer(width: 3, height: 3))
        #expect(terminal.cellsWrittenLastFrame == 9)
        #expect(terminal.lastFrameWasFull)
    }

    @Test func deliversQueuedKeysInOrderThenWaits() {
        let terminal = InMemoryTerminal(width: 1, height: 1)
        terminal.enqueue(.up, .enter)
        terminal.type("q")
        var waited: [Int] = []
        terminal.onWait = { waited.append($0) }
        #expect(terminal.readKey(timeoutMilliseconds: 5) == .up)
        #expect(terminal.readKey(timeoutMilliseconds: 5) == .enter)
        #expect(terminal.readKey(timeoutMilliseconds: 5) == .char("q"))
        #expect(terminal.readKey(timeoutMilliseconds: 7) == nil)
        #expect(waited == [7])
        #expect(terminal.waits == [7])
        terminal.shutdown()
        terminal.shutdown()
        #expect(terminal.isShutDown)
    }
}
