/// One column of a `Table`: a header title, a width constraint and the alignment of its cells.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    public var width: Constraint
    public var alignment: Alignment

    public init(_ title: String, width: Constraint, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// One row of a `Table`: a line per column (missing cells are blank) and a base style.
public struct TableRow: Hashable, Sendable {
    public var cells: [Line]
    public var style: Style

    public init(_ cells: [Line], style: Style = .plain) {
        self.cells = cells
        self.style = style
    }
}

/// Rows in columns under a header, with a selected row highlighted and kept in view.
///
/// Column widths come from `Layout.lengths` over the columns' constraints with
/// `columnSpacing` between them; cells too wide for their column end in the ellipsis.
public struct Table: Widget, Sendable {
    public var columns: [TableColumn]
    public var rows: [TableRow]
    public var selected: Int?
    /// The offset shown last frame; the rendered offset is `visibleOffset(height:)`.
    public var scrollOffset: Int
    public var glyphs: GlyphSet
    public var headerStyle: Style
    public var highlightStyle: Style
    public var columnSpacing: Int
    public var showsHeader: Bool

    public init(
        columns: [TableColumn], rows: [TableRow], selected: Int? = nil, scrollOffset: Int = 0,
        glyphs: GlyphSet, headerStyle: Style = Style(bold: true), highlightStyle: Style = Style(reverse: true),
        columnSpacing: Int = 1, showsHeader: Bool = true
    ) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.scrollOffset = scrollOffset
        self.glyphs = glyphs
        self.headerStyle = headerStyle
        self.highlightStyle = highlightStyle
        self.columnSpacing = columnSpacing
        self.showsHeader = showsHeader
    }

    /// Rows of data that fit in an area `height` rows tall (the header takes one).
    public func bodyHeight(forHeight height: Int) -> Int { max(0, height - (showsHeader ? 1 : 0)) }

    /// The first data row shown in an area `height` rows tall; store it as next frame's `scrollOffset`.
    public func visibleOffset(height: Int) -> Int {
        Scrolling.offset(keeping: selected, previous: scrollOffset, visibleRows: bodyHeight(forHeight: height), rowCount: rows.count)
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let columnAreas = Layout.split(area.row(0), .horizontal, columns.map(\.width), spacing: columnSpacing)
        var y = area.y
        if showsHeader {
            for (column, columnArea) in zip(columns, columnAreas) {
                draw(Line(column.title, style: headerStyle), alignment: column.alignment, in: columnArea, y: y, into: &buffer)
            }
            y += 1
        }
        let offset = visibleOffset(height: area.height)
        let bodyRows = min(bodyHeight(forHeight: area.height), rows.count - offset)
        for index in offset..<(offset + max(0, bodyRows)) {
            let row = rows[index]
            var overlay = row.style
            if index == selected {
                overlay = overlay.patched(with: highlightStyle)
            }
            if overlay != .plain { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: .blank(overlay)) }
            for (columnIndex, columnArea) in columnAreas.enumerated() where columnIndex < row.cells.count {
                let line = overlay == .plain ? row.cells[columnIndex] : row.cells[columnIndex].patched(with: overlay)
                draw(line, alignment: columns[columnIndex].alignment, in: columnArea, y: y, into: &buffer)
            }
            y += 1
        }
    }

    private func draw(_ line: Line, alignment: Alignment, in columnArea: Rect, y: Int, into buffer: inout ScreenBuffer) {
        guard columnArea.width > 0 else { return }
        let clip = Rect(x: columnArea.x, y: y, width: columnArea.width, height: 1)
        let x = columnArea.x + alignment.offset(lineWidth: line.width, areaWidth: columnArea.width)
        buffer.write(line, x: x, y: y, clip: clip, truncation: .ellipsis(glyphs.ellipsis))
    }
}
