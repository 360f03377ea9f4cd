import StrataCore

/// Taobao / Tianchi `UserBehavior.csv`: `user,item,category,behavior,timestamp`, no header.
/// Behaviours `pv`, `cart`, `fav`, `buy` become view, cart, favourite, purchase; each item is
/// filed under `["cat <category>"]` (from its first line) and titled `item <id>`.
public struct TaobaoUserBehaviorReader: DatasetReader {
    static let fieldNames = ["user", "item", "category", "behavior", "timestamp"]

    public var name: String
    public var path: String

    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }

    public func read(options: LoadOptions, report: inout ValidationReport) throws -> Dataset {
        report.format = .taobaoUserBehavior
        let sink = ProblemSink(mode: options.mode)
        var builder = DatasetBuilder(expectedEvents: 1 << 16)
        let path = self.path
        let reader = try LineReader(path: path, options: options)
        var fields: [Range<Int>] = []
        let records = try reader.forEachRecord(sink: sink, report: &report, hasHeader: false) { line in
            let at = LineFields(file: path, line: line)
            FieldSplitter.split(line.bytes, on: 0x2C, into: &fields)
            try at.requireCount(fields.count, 5, "comma-separated")
            let userID = try at.identifier(fields[0], field: "user")
            let itemID = try at.identifier(fields[1], field: "item")
            let category = try at.identifier(fields[2], field: "category")
            let behavior = line.text(fields[3])
            guard let action = ActionNames.action(named: behavior) else {
                throw ActionNames.unknown(behavior, field: "behavior", at: at)
            }
            let time = try at.timestamp(fields[4], field: "timestamp")
            let item = builder.itemIndex(for: itemID) {
                Item(id: itemID, title: "item \(itemID)", paths: [["cat \(category)"]], tags: ["cat \(category)"])
            }
            builder.addEvent(user: userID, item: item, timestamp: time, action: action, value: nil)
        }
        if records == 0 { throw DatasetError(file: path, kind: .emptyFile, message: "the file has no events") }
        builder.summarize(into: &report)
        return builder.build(name: name, fingerprint: Fingerprint.combining(report.sources))
    }
}
