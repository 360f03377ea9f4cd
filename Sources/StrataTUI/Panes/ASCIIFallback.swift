/// The last pass of a frame for terminals whose locale is not UTF-8: every non-ASCII cell
/// (from the panes' own text or from the model's words, e.g. "Sci-Fi · long-term core")
/// becomes its nearest ASCII look-alike, or `?`. Wide characters become `?` plus a space, so
/// columns stay where they were. O(width × height); only runs with ASCII glyphs.
enum ASCIIFallback {
    static let replacements: [Character: Character] = [
        "·": "-", "•": "*", "›": ">", "‹": "<", "…": "~", "—": "-", "–": "-", "σ": "s", "→": ">", "←": "<",
        "↑": "^", "↓": "v", "✓": "+", "✗": "x", "◆": "*", "▲": "^", "△": "o", "◇": "?", "║": "|", "│": "|",
        "─": "-", "┄": ".", "┃": "|", "‖": "|", "▶": ">", "▾": "-", "▸": "+", "é": "e", "è": "e", "ü": "u",
        "ö": "o", "ä": "a", "ñ": "n", "ç": "c", "á": "a", "í": "i", "ó": "o", "ú": "u", "×": "x", "Δ": "d", "±": "~",
    ]

    static func apply(to buffer: inout ScreenBuffer) {
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                guard !cell.glyph.isASCII, cell.width != 0 else { continue }
                let replacement = replacements[cell.character] ?? "?"
                let wide = cell.width == 2
                buffer[x, y] = Cell(character: replacement, width: 1, style: cell.style)
                if wide && x + 1 < buffer.width { buffer[x + 1, y] = Cell(character: " ", width: 1, style: cell.style) }
            }
        }
    }
}
