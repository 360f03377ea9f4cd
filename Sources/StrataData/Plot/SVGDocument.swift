/// Accumulates the elements of one SVG document; every text and attribute value passes
/// through `escape`, so labels can hold any characters.
struct SVGDocument {
    private var body: [String] = []
    private let layout: SVGChart.Layout
    private let title: String

    init(layout: SVGChart.Layout, title: String) {
        self.layout = layout
        self.title = title
    }

    /// Appends an element `<name attributes/>`, or with escaped `text` content.
    mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
        let attributeText = attributes.map { " \($0.0)=\"\(Self.escape($0.1))\"" }.joined()
        if let text {
            body.append("<\(name)\(attributeText)>\(Self.escape(text))</\(name)>")
        } else {
            body.append("<\(name)\(attributeText)/>")
        }
    }

    /// Opens a `<g>` with a class; close it with `closeGroup()`.
    mutating func openGroup(_ className: String, _ attributes: [(String, String)] = []) {
        let attributeText = ([("class", className)] + attributes)
            .map { " \($0.0)=\"\(Self.escape($0.1))\"" }.joined()
        body.append("<g\(attributeText)>")
    }

    mutating func closeGroup() { body.append("</g>") }

    /// The whole document, one element per line, ending in a newline.
    func render() -> String {
        let width = String(layout.width)
        let height = String(layout.height)
        let head = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
                + "viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\" "
                + "font-size=\"\(layout.fontSize)\">",
            "<title>\(Self.escape(title))</title>",
            "<rect class=\"background\" x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>",
        ]
        let metadata: [String] = layout.metadata.sorted { $0.key < $1.key }.map { entry in
            "<metadata class=\"\(Self.escape(entry.key))\">\(Self.escape(TraceJSONLEncoder.object(entry.value)))</metadata>"
        }
        let lines: [String] = Array(head[..<3]) + metadata + Array(head[3...]) + body + ["</svg>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// XML-escapes text for content and attribute values; characters XML 1.0 forbids
    /// (controls other than tab, LF, CR; U+FFFE, U+FFFF) become U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` cut to `limit` characters with an ellipsis, for labels that must fit a space.
    static func truncate(_ text: String, to limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }
}
