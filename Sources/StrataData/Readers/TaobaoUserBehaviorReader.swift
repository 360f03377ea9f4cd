import StrataCore

/// Taobao / Tianchi `UserBehavior.csv`: `user,item,category,behavior,timestamp`, no header.
/// Behaviours `pv`, `cart`, `fav`, `buy` become view, cart, favourite, purchase; each item is
/// filed under `["cat <category>"]` (from its first line) and titled `item <id>`.
public struct TaobaoUserBehaviorReader: EventScanner {
    static let fieldNames = ["user", "item", "category", "behavior", "timestamp"]

    public var name: String
    public var path: String

    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }

    public func read(options: LoadOptions, report: inout ValidationReport) throws -> Dataset {
        try buildDataset(options: options, report: &report)
    }

    public func validate(options: LoadOptions, report: inout ValidationReport) throws {
        try tallyEvents(options: options, report: &report)
    }

    func scan<Sink: EventSink>(into output: inout Sink, options: LoadOptions, report: inout ValidationReport) throws {
        report.format = .taobaoUserBehavior
        let sink = ProblemSink(mode: options.mode)
        let path = self.path
        let reader = try LineReader(path: path, options: options)
        var fields: [Range<Int>] = []
        let records = try reader.forEachRecord(sink: sink, report: &report, hasHeader: false) { line in
            let at = LineFields(file: path, line: line)
            FieldSplitter.split(line.bytes, on: 0x2C, into: &fields)
            try at.requireCount(fields.count, 5, "comma-separated")
            let userID = try at.id(fields[0], field: "user")
            let itemID = try at.id(fields[1], field: "item")
            let category = try at.id(fields[2], field: "category")
            guard let action = ActionNames.action(named: line.slice(fields[3])) else {
                throw ActionNames.unknown(line.text(fields[3]), field: "behavior", at: at)
            }
            let time = try at.timestamp(fields[4], field: "timestamp")
            output.addEvent(user: userID, item: itemID, makeItem: {
                let id = itemID.string, category = "cat \(category.string)"
                return Item(id: id, title: Item.placeholderTitle(id: id), paths: [[category]], tags: [category])
            }, timestamp: time, action: action, value: nil)
        }
        if records == 0 { throw DatasetError(file: path, kind: .emptyFile, message: "the file has no events") }
    }
}
