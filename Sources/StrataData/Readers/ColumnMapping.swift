import StrataCore
/// Which columns (CSV) or keys (JSON lines) of an event log hold what Strata needs.
///
/// Given programmatically, or parsed from a short text (the CLI's `--map`):
///
///     user=uid,item=sku,time=ts,action=event,path=cat,separator=/
///
/// Keys: `user`, `item`, `time` (required); `action`, `value`, `path` (alias `category`),
/// `separator` (splits `path` into levels; `none` keeps it whole; default: `ItemTaxonomy`'s
/// rule, the first of `›`, `>`, `/` found), `title`, `delimiter` (the CSV column delimiter: a
/// character or `tab`, `comma`, `semicolon`, `pipe`; default: tab for `.tsv`/`.tab` files,
/// else comma), `time-unit` (`s`, default, or `ms`).
/// Entries are separated by `,`, or by `;` when any value needs a comma.
public struct ColumnMapping: Hashable, Sendable {
    public var user: String
    public var item: String
    public var time: String
    /// Without an action column each line is `.rate` when a value column is mapped, else `.view`.
    public var action: String?
    public var value: String?
    public var path: String?
    /// Splits the path column into levels (e.g. "/" or " > "); "" keeps it as one level; nil
    /// splits on the first of `›`, `>`, `/` the value holds (Docs/datasets.md "Category paths").
    public var pathSeparator: String?
    public var title: String?
    /// The CSV column delimiter (one ASCII character); nil: by the file's extension, tab for
    /// `.tsv` and `.tab`, else comma.
    public var delimiter: UInt8?
    /// Numeric times are divided by this (1000 when they are milliseconds).
    public var timeDivisor: Double

    public init(user: String, item: String, time: String, action: String? = nil, value: String? = nil,
                path: String? = nil, pathSeparator: String? = nil, title: String? = nil,
                delimiter: UInt8? = nil, timeDivisor: Double = 1) {
        self.user = user
        self.item = item
        self.time = time
        self.action = action
        self.value = value
        self.path = path
        self.pathSeparator = pathSeparator
        self.title = title
        self.delimiter = delimiter
        self.timeDivisor = timeDivisor
    }

    /// The mapped source names, for checking a header.
    var requiredColumns: [(role: String, name: String)] {
        var columns = [("user", user), ("item", item), ("time", time)]
        if let action { columns.append(("action", action)) }
        if let value { columns.append(("value", value)) }
        if let path { columns.append(("path", path)) }
        if let title { columns.append(("title", title)) }
        return columns
    }
}

extension ColumnMapping {
    static let knownKeys = ["user", "item", "time", "action", "value", "path", "category", "separator",
                            "title", "delimiter", "time-unit"]

    /// Parses `user=uid,item=sku,time=ts,...`; throws an `invalidMapping` error naming the entry.
    public init(parsing text: String) throws {
        let entrySeparator: Character = text.contains(";") ? ";" : ","
        var values: [String: String] = [:]
        for entry in text.split(separator: entrySeparator) {
            let rawEntry = String(entry)
            if rawEntry.trimmingBlanks.isEmpty { continue }
            guard let equals = rawEntry.firstIndex(of: "=") else {
                throw Self.error(nil, "expected key=value, found \(InputText.quoted(rawEntry.trimmingBlanks))")
            }
            let key = String(rawEntry[..<equals]).trimmingBlanks.lowercased()
            let value = String(rawEntry[rawEntry.index(after: equals)...])
            guard Self.knownKeys.contains(key) else {
                throw Self.error(key, "unknown key; known keys: \(Self.knownKeys.joined(separator: ", "))")
            }
            let normalizedKey = key == "category" ? "path" : key
            guard values[normalizedKey] == nil else { throw Self.error(key, "given twice") }
            // The separator may be a space-padded string such as " > "; other values are trimmed.
            let kept = normalizedKey == "separator" ? value : value.trimmingBlanks
            guard !kept.isEmpty else { throw Self.error(key, "empty value") }
            values[normalizedKey] = kept
        }
        guard let user = values["user"] else { throw Self.error("user", "missing; the mapping needs user, item and time") }
        guard let item = values["item"] else { throw Self.error("item", "missing; the mapping needs user, item and time") }
        guard let time = values["time"] else { throw Self.error("time", "missing; the mapping needs user, item and time") }
        var delimiter: UInt8?
        if let text = values["delimiter"] {
            let named: [String: UInt8] = ["tab": 0x09, "comma": 0x2C, "semicolon": 0x3B, "pipe": 0x7C, "space": 0x20]
            if let byte = named[text.lowercased()] {
                delimiter = byte
            } else if text.utf8.count == 1, let byte = text.utf8.first, byte < 0x80, byte != 0x22 {
                delimiter = byte
            } else {
                throw Self.error("delimiter", "expected one character or tab, comma, semicolon, pipe, space; found \(InputText.quoted(text))")
            }
        }
        var divisor = 1.0
        if let unit = values["time-unit"] {
            switch unit.lowercased() {
            case "s", "seconds": divisor = 1
            case "ms", "milliseconds": divisor = 1000
            default: throw Self.error("time-unit", "expected s or ms, found \(InputText.quoted(unit))")
            }
        }
        self.init(user: user, item: item, time: time, action: values["action"], value: values["value"],
                  path: values["path"],
                  pathSeparator: values["separator"].map { $0.trimmingBlanks.lowercased() == "none" ? "" : $0 }, title: values["title"],
                  delimiter: delimiter, timeDivisor: divisor)
    }

    /// A mapping from the usual column names of public logs, or nil when user, item or time
    /// cannot be found (Docs/datasets.md lists the names tried).
    public static func guess(fromColumns names: [String]) -> ColumnMapping? {
        let header = HeaderColumns(file: "", names: names)
        func pick(_ candidates: [String]) -> String? { header.index(of: candidates).map { names[$0] } }
        guard let user = pick(["user", "user_id", "userid", "uid", "visitorid", "visitor_id", "customer_id"]),
              let item = pick(["item", "item_id", "itemid", "sku", "product_id", "productid", "movieid", "movie_id"]),
              let time = pick(["time", "timestamp", "ts", "event_time", "datetime", "date"]) else { return nil }
        let path = pick(["path", "category", "category_path", "category_code", "cat", "category_id"])
        // eCommerce logs write `electronics.smartphone`; other paths split by the default rule.
        let separator: String? = path?.lowercased() == "category_code" ? "." : nil
        return ColumnMapping(user: user, item: item, time: time,
                             action: pick(["action", "event", "event_type", "behavior", "behaviour", "type"]),
                             value: pick(["value", "rating", "score"]), path: path, pathSeparator: separator,
                             title: pick(["title", "name", "item_name", "product_name"]))
    }

    static func error(_ field: String?, _ message: String) -> DatasetError {
        DatasetError(file: "mapping", field: field, kind: .invalidMapping, message: message)
    }
}
