/// The one way text that came from an input (a dataset field, a file name, a scenario key, a
/// command-line value) goes into a message: quoted, shortened, and with every character that a
/// terminal could act on written as a visible escape (Docs/cli.md "Messages").
///
///     InputText.quoted("a\u{1B}]0;pwned\u{07}b")   // 'a\u{1B}]0;pwned\u{07}b' (as plain text)
///
/// Escaped: C0 controls, DEL, C1 controls (U+0080–U+009F, e.g. the 8-bit CSI), the bidi
/// embedding/override/isolate marks (they reorder what follows on screen), and `\` and `'` so
/// the quoting stays unambiguous. Everything else, accents and CJK included, is kept.
public enum InputText {
    /// Scalars kept of a quoted value; longer values end in `…` so one field cannot flood a screen.
    public static let defaultLimit = 40

    /// `'text'`, escaped, at most `limit` scalars of the input (then `…`).
    public static func quoted(_ text: some StringProtocol, limit: Int = defaultLimit) -> String {
        "'" + escaped(text, limit: limit) + "'"
    }

    /// The text escaped as `quoted` does, without the quotes; `limit` nil keeps all of it.
    public static func escaped(_ text: some StringProtocol, limit: Int? = nil) -> String {
        var out = ""
        var kept = 0
        for scalar in text.unicodeScalars {
            if let limit, kept >= limit {
                out += "…"
                break
            }
            kept += 1
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if needsEscape(scalar) {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A whole message made safe as a last line of defence: control and bidi scalars escaped,
    /// line breaks between problems kept, `\\` and `'` left alone (so text already quoted by
    /// `quoted` comes out unchanged).
    public static func sanitized(_ message: some StringProtocol) -> String {
        var out = ""
        for scalar in message.unicodeScalars {
            if scalar != "\n" && needsEscape(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// True for scalars a terminal may interpret rather than draw.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Several input names for a message: each quoted, at most `limit` of them (then a count).
    public static func list(_ names: [String], limit: Int = 20) -> String {
        var parts = names.prefix(limit).map { quoted($0) }
        if names.count > limit { parts.append("… \(names.count - limit) more") }
        return parts.joined(separator: ", ")
    }

    /// True when `text` holds nothing `escaped` would change (apart from `\` and `'`).
    public static func isPlain(_ text: some StringProtocol) -> Bool {
        !text.unicodeScalars.contains(where: needsEscape)
    }
}
