import StrataCore

/// Encodes trace rows as JSON Lines: one object per `\n`-terminated line, keys in column order
/// (fixed ones first), absent columns omitted, non-finite numbers as `null`.
public struct TraceJSONLEncoder {
    /// Named columns after the fixed ones, in order.
    let columns: [String]

    /// One row as a JSON object line.
    func encode(_ row: TraceRow) -> String {
        var members = [
            "\"position\":\(row.position)",
            "\"time\":\(row.time)",
            "\"user\":" + Self.string(row.user),
            "\"item\":" + Self.string(row.item),
        ]
        for column in columns {
            guard let value = row.values[column] else { continue }
            members.append(Self.string(column) + ":" + Self.value(value))
        }
        return "{" + members.joined(separator: ",") + "}\n"
    }

    static func value(_ value: TraceValue) -> String {
        switch value {
        case .number(let number): return number.isFinite ? "\(number)" : "null"
        case .integer(let integer): return String(integer)
        case .bool(let flag): return flag ? "true" : "false"
        case .text(let text): return string(text)
        }
    }

    /// A flat string-to-string JSON object, keys sorted (a trace's `config` line).
    static func object(_ members: [String: String]) -> String {
        "{" + members.sorted { $0.key < $1.key }.map { string($0.key) + ":" + string($0.value) }.joined(separator: ",") + "}"
    }

    /// A JSON string literal (RFC 8259 §7): quote, backslash and control characters escaped.
    public static func string(_ text: String) -> String { RecordText.jsonString(text) }
}
