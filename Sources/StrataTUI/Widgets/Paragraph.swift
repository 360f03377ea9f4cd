/// Lines of styled text, optionally word-wrapped, aligned and scrolled.
///
/// Without wrapping, lines wider than the area are cut (with `truncation`). With wrapping,
/// lines break at spaces; a word longer than the width is broken between characters. Rows
/// beyond the text are left untouched unless `style` has a background to fill.
public struct Paragraph: Widget, Sendable {
    public var lines: [Line]
    public var wrap: Bool
    public var alignment: Alignment
    /// Wrapped rows skipped at the top (for scrolling long help or details text).
    public var scroll: Int
    /// Base style: filled behind the text, and patched under every span.
    public var style: Style
    public var truncation: Truncation

    public init(
        lines: [Line], wrap: Bool = true, alignment: Alignment = .left, scroll: Int = 0,
        style: Style = .plain, truncation: Truncation = .clip
    ) {
        self.lines = lines
        self.wrap = wrap
        self.alignment = alignment
        self.scroll = scroll
        self.style = style
        self.truncation = truncation
    }

    /// A paragraph of plain text; `\n` starts a new line.
    public init(_ text: String, style: Style = .plain, wrap: Bool = true, alignment: Alignment = .left) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Line(String($0)) }
        self.init(lines: lines, wrap: wrap, alignment: alignment, style: style)
    }

    /// The rows this paragraph shows at `width` columns (before scrolling). O(characters).
    public func rows(forWidth width: Int) -> [Line] {
        guard wrap else { return lines }
        return lines.flatMap { Paragraph.wrap($0, width: width) }
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        if style != .plain { buffer.fill(area, with: .blank(style)) }
        let rows = rows(forWidth: area.width)
        for (offset, line) in rows.dropFirst(max(0, scroll)).prefix(area.height).enumerated() {
            let x = area.x + alignment.offset(lineWidth: line.width, areaWidth: area.width)
            let styled = style == .plain ? line : line.patchedUnder(style)
            buffer.write(styled, x: x, y: area.y + offset, clip: area, truncation: truncation)
        }
    }

    /// Greedy word wrap of one line into rows of at most `width` columns; spaces at a break
    /// are dropped. Always returns at least one row. O(characters).
    public static func wrap(_ line: Line, width: Int) -> [Line] {
        guard width > 0 else { return [line] }
        var rows: [Line] = []
        var row = RowBuilder()
        var word: [(Character, Style, Int)] = []
        var wordWidth = 0
        var pendingSpaces: [(Character, Style, Int)] = []

        func flushWord() {
            guard !word.isEmpty else { return }
            let spacesWidth = row.isEmpty ? 0 : pendingSpaces.count
            if row.width + spacesWidth + wordWidth > width && !row.isEmpty {
                rows.append(row.line)
                row = RowBuilder()
            } else if !row.isEmpty {
                for space in pendingSpaces { row.append(space.0, style: space.1, width: 1) }
            }
            for (character, style, characterWidth) in word {
                if row.width + characterWidth > width {
                    rows.append(row.line)
                    row = RowBuilder()
                }
                row.append(character, style: style, width: characterWidth)
            }
            word.removeAll(keepingCapacity: true)
            wordWidth = 0
            pendingSpaces.removeAll(keepingCapacity: true)
        }

        for span in line.spans {
            for character in span.text {
                if character == " " || character == "\t" {
                    flushWord()
                    pendingSpaces.append((" ", span.style, 1))
                    continue
                }
                let characterWidth = TextWidth.of(character)
                guard characterWidth > 0 else { continue }
                word.append((character, span.style, characterWidth))
                wordWidth += characterWidth
            }
        }
        flushWord()
        rows.append(row.line)
        return rows
    }
}

/// Accumulates characters into spans, merging runs of the same style.
private struct RowBuilder {
    private(set) var spans: [Span] = []
    private(set) var width = 0
    var isEmpty: Bool { width == 0 }
    var line: Line { Line(spans) }

    mutating func append(_ character: Character, style: Style, width characterWidth: Int) {
        if let last = spans.last, last.style == style {
            spans[spans.count - 1].text.append(character)
        } else {
            spans.append(Span(String(character), style: style))
        }
        width += characterWidth
    }
}
