@testable import StrataTUI

/// Helpers shared by the screen and widget tests. (No locale is set: text widths never depend
/// on it, and the tests run in the C locale a process starts with.)
enum TestScreen {
    /// A buffer pre-filled with `marker`, so tests see which cells a widget left untouched.
    static func marked(width: Int, height: Int, marker: Character = ".") -> ScreenBuffer {
        ScreenBuffer(width: width, height: height, filledWith: Cell(character: marker))
    }

    /// Renders `widget` into a marked buffer and returns its lines.
    static func lines(of widget: some Widget, width: Int, height: Int, area: Rect? = nil) -> [String] {
        var buffer = marked(width: width, height: height)
        widget.render(into: &buffer, area: area ?? buffer.area)
        return buffer.lines()
    }
}
