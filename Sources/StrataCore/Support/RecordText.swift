/// The package's one encoder of JSON strings and CSV fields: traces, embedding files and the
/// explorer's view export all write through it (the explorer has no StrataData).
public enum RecordText {
    /// A JSON string literal (RFC 8259 §7): quote, backslash and control characters escaped.
    public static func jsonString(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A JSON number in Swift's shortest round-trip form; `null` when not finite (JSON has no NaN).
    public static func jsonNumber(_ value: Double) -> String { value.isFinite ? "\(value)" : "null" }

    /// RFC 4180 §2.6–2.7: a field quoted exactly when it holds a comma, a quote, CR or LF, with
    /// the quotes inside doubled.
    public static func csvField(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
        }
        guard needsQuotes else { return text }
        var out = "\""
        // By scalar: a quote followed by a combining mark is one Character but still a quote.
        for scalar in text.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }

    /// A number as a CSV field: shortest round-trip form, empty when not finite.
    public static func csvNumber(_ value: Double) -> String { value.isFinite ? "\(value)" : "" }
}
