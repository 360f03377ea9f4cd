/// One row of a trace: where in the stream, when, who, which item, plus named columns
/// (Docs/sessions.md §7).
public struct TraceRow: Sendable, Hashable {
    /// Stream position (0-based event index).
    public var position: Int
    /// Event time, as in the dataset (seconds since the epoch for MovieLens).
    public var time: Int64
    /// External user id.
    public var user: String
    /// External id of the event's item.
    public var item: String
    /// Extra columns by name; a column the writer declared but the row lacks is left empty.
    public var values: [String: TraceValue]

    public init(position: Int, time: Int64, user: String, item: String, values: [String: TraceValue] = [:]) {
        self.position = position
        self.time = time
        self.user = user
        self.item = item
        self.values = values
    }
}

/// A value in a named trace column.
public enum TraceValue: Sendable, Hashable {
    /// A real number, written in Swift's shortest round-trip form (`0.1`, `1e-05`, `2.0`);
    /// NaN and infinities are written as empty (CSV) or `null` (JSONL).
    case number(Double)
    /// An integer, written exactly.
    case integer(Int64)
    /// Text, quoted as the format requires.
    case text(String)
    /// A boolean, written `true`/`false`.
    case bool(Bool)
}

extension TraceRow {
    /// Names of the fixed columns, in the order every format writes them before the named ones.
    public static let fixedColumns = ["position", "time", "user", "item"]
}
