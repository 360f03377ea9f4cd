// StrataTUI: the terminal toolkit under the explorer (SPEC §8). Architecture as in ratatui and
// bubbletea: widgets render into a `ScreenBuffer`; a `TerminalBackend` draws the buffer,
// writing only the cells that changed since the last frame.
//
//   Screen/    Cell, Glyph, Style, Color, Rect, Span/Line, TextWidth, ScreenBuffer (+Writing, +Diff)
//   Layout/    Constraint, Direction, Layout.split / Rect.split
//   Widgets/   Widget, GlyphSet, Paragraph, Block, Bar, Sparkline, Table, ListView, Scrolling,
//              Tabs, Overlay, StatusLine
//   Terminal/  TerminalBackend, NcursesTerminal, InMemoryTerminal, Key, KeyDecoder,
//              SignalMonitor, TerminalCapabilities, TerminalError
//   Loop/      TerminalProgram, RunLoop, FramePacer, MonotonicClock
//
// An application plugs in like this (the explorer's `main` does the same with its state):
//
//     let capabilities = TerminalCapabilities.detect()
//     if let problem = capabilities.problem { print("strata: \(problem)"); exit(2) }
//     let terminal = try NcursesTerminal(capabilities: capabilities)
//     var app = Explorer(glyphs: terminal.glyphs)           // some TerminalProgram
//     let exit = RunLoop(framesPerSecond: 30).run(&app, on: terminal, clock: MonotonicClock.nanoseconds)
//     terminal.shutdown()                                   // then close the session, print a summary
//
// where `Explorer.render(into:)` splits `buffer.area` with `Rect.split` and renders widgets:
//
//     let rows = buffer.area.split(.vertical, [.length(1), .fill, .length(1)])
//     Tabs(titles: ["Stream", "Tree"], selected: focus, glyphs: glyphs).render(into: &buffer, area: rows[0])
//     StatusLine(left: "▶ 2x  1200/5000", right: "HR@10 0.31", glyphs: glyphs).render(into: &buffer, area: rows[2])
//
// Tests drive the same program through `InMemoryTerminal` and compare `screen.lines()`.
