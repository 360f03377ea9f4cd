/// What a terminal below the minimum size shows instead of the panes.
enum TooSmallNotice {
    static func lines(width: Int, height: Int) -> [Line] {
        [
            Line("Terminal too small", style: ExplorerTheme.alert),
            Line("\(width)x\(height): Strata needs at least \(ExplorerLayout.minimumWidth)x\(ExplorerLayout.minimumHeight)"),
            Line("Enlarge the window, or press q to quit.", style: ExplorerTheme.muted),
        ]
    }

    static func render(in area: Rect, into buffer: inout ScreenBuffer) {
        let lines = lines(width: area.width, height: area.height)
        let top = area.y + max(0, (area.height - lines.count) / 2)
        Paragraph(lines: lines, wrap: true, alignment: .center)
            .render(into: &buffer, area: Rect(x: area.x, y: top, width: area.width, height: area.maxY - top))
    }
}
