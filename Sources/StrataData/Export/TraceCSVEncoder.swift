import StrataCore

/// Encodes trace rows as RFC 4180 CSV: a header line, CRLF line endings, and a field quoted
/// (with `"` doubled) exactly when it contains a comma, a quote, CR or LF.
struct TraceCSVEncoder {
    /// Named columns after the fixed ones, in order.
    let columns: [String]

    /// The header line, CRLF-terminated.
    func header() -> String {
        line((TraceRow.fixedColumns + columns).map(Self.field))
    }

    /// One row, CRLF-terminated; a declared column the row lacks is an empty field.
    func encode(_ row: TraceRow) -> String {
        var fields = [String(row.position), String(row.time), Self.field(row.user), Self.field(row.item)]
        for column in columns {
            fields.append(row.values[column].map(Self.field) ?? "")
        }
        return line(fields)
    }

    private func line(_ fields: [String]) -> String {
        fields.joined(separator: ",") + "\r\n"
    }

    static func field(_ value: TraceValue) -> String {
        switch value {
        case .number(let number): return number.isFinite ? "\(number)" : ""
        case .integer(let integer): return String(integer)
        case .bool(let flag): return flag ? "true" : "false"
        case .text(let text): return field(text)
        }
    }

    /// RFC 4180 §2.6–2.7: quote when needed, double the quotes inside.
    static func field(_ text: String) -> String { RecordText.csvField(text) }
}
