import StrataCore

/// RecBole atomic files: `NAME.inter` (events), `NAME.item` (items), optional `NAME.user`.
///
/// Tab-separated, UTF-8, first line a typed header such as
/// `user_id:token item_id:token rating:float timestamp:float`; columns are found by the name
/// before `:`. This reader follows EVALUATION.md exactly: the catalogue is `.item` in file order,
/// unknown items are appended in order of first appearance, events are stable-sorted by
/// timestamp, `time = Int64(timestamp)`. The `.user` file is only checked by `validate`.
public struct RecBoleAtomicReader: EventScanner {
    public var name: String
    public var interactionsPath: String
    public var itemsPath: String?
    public var usersPath: String?

    public init(name: String, interactionsPath: String, itemsPath: String? = nil, usersPath: String? = nil) {
        self.name = name
        self.interactionsPath = interactionsPath
        self.itemsPath = itemsPath
        self.usersPath = usersPath
    }

    public func read(options: LoadOptions, report: inout ValidationReport) throws -> Dataset {
        try buildDataset(options: options, report: &report)
    }

    public func validate(options: LoadOptions, report: inout ValidationReport) throws {
        try tallyEvents(options: options, report: &report)
    }

    func scan<Sink: EventSink>(into output: inout Sink, options: LoadOptions, report: inout ValidationReport) throws {
        report.format = .recBoleAtomic
        let sink = ProblemSink(mode: options.mode)
        if let itemsPath {
            try readItems(itemsPath, into: &output, sink: sink, options: options, report: &report)
            output.finishItemFile()
        }
        try readInteractions(into: &output, sink: sink, options: options, report: &report)
    }

    /// Checks the optional `.user` file: a `user_id` column and a non-empty id on every line.
    public func validateUsers(options: LoadOptions, report: inout ValidationReport) throws {
        guard let usersPath else { return }
        let sink = ProblemSink(mode: options.mode)
        let reader = try LineReader(path: usersPath, options: options)
        var userColumn = 0
        var columnCount = 0
        var fields: [Range<Int>] = []
        try reader.forEachRecord(sink: sink, report: &report, hasHeader: true) { line in
            let at = LineFields(file: usersPath, line: line)
            FieldSplitter.split(line.bytes, on: 0x09, into: &fields)
            if line.number == 1 {
                let header = Self.header(line, fields, file: usersPath)
                userColumn = try header.require("user_id")
                columnCount = fields.count
                return
            }
            try at.requireCount(fields.count, columnCount, "tab-separated")
            _ = try at.identifier(fields[userColumn], field: "user_id")
        }
        if reader.linesRead == 0 { throw DatasetError(file: usersPath, kind: .emptyFile, message: "the file is empty; expected a header line") }
    }

    private func readItems<Sink: EventSink>(_ path: String, into output: inout Sink, sink: ProblemSink,
                           options: LoadOptions, report: inout ValidationReport) throws {
        let reader = try LineReader(path: path, options: options)
        var fields: [Range<Int>] = []
        var columns = ItemColumns()
        var firstLine: [String: Int] = [:]
        try reader.forEachRecord(sink: sink, report: &report, hasHeader: true) { line in
            FieldSplitter.split(line.bytes, on: 0x09, into: &fields)
            if line.number == 1 {
                columns = try ItemColumns(Self.header(line, fields, file: path), count: fields.count)
                return
            }
            let at = LineFields(file: path, line: line)
            try at.requireCount(fields.count, columns.count, "tab-separated")
            let id = try at.identifier(fields[columns.id], field: "item_id")
            let title = columns.title.map { line.text(fields[$0]) } ?? ""
            let genres = columns.genres.map { line.text(fields[$0]).split(separator: " ").map(String.init) } ?? []
            let year = columns.year.flatMap { NumberParsing.int64(line.slice(fields[$0])) }.map { Int($0) }
            let item = Item(id: id, title: title.isEmpty ? Item.placeholderTitle(id: id) : title,
                            paths: ItemTaxonomy.moviePaths(genres: genres, year: year), tags: genres)
            guard output.addItem(item) else {
                throw at.error("item_id", .duplicateItem, "item \(InputText.quoted(id)) is already defined on line \(firstLine[id] ?? 0)")
            }
            firstLine[id] = line.number
        }
        if reader.linesRead == 0 { throw DatasetError(file: path, kind: .emptyFile, message: "the file is empty; expected a header line") }
    }

    private func readInteractions<Sink: EventSink>(into output: inout Sink, sink: ProblemSink,
                                  options: LoadOptions, report: inout ValidationReport) throws {
        let path = interactionsPath
        let reader = try LineReader(path: path, options: options)
        var fields: [Range<Int>] = []
        fields.reserveCapacity(8)
        var columns = (user: 0, item: 0, rating: Int?.none, time: 0, count: 0)
        let records = try reader.forEachRecord(sink: sink, report: &report, hasHeader: true) { line in
            FieldSplitter.split(line.bytes, on: 0x09, into: &fields)
            if line.number == 1 {
                let header = Self.header(line, fields, file: path)
                columns = (try header.require("user_id"), try header.require("item_id"),
                           header.index(of: ["rating"]), try header.require("timestamp"), fields.count)
                return
            }
            let at = LineFields(file: path, line: line)
            try at.requireCount(fields.count, columns.count, "tab-separated")
            let userID = try at.id(fields[columns.user], field: "user_id")
            let itemID = try at.id(fields[columns.item], field: "item_id")
            let rating = try columns.rating.map { try at.number(fields[$0], field: "rating") }
            let time = try at.timestamp(fields[columns.time], field: "timestamp")
            // Without a rating column the log is implicit feedback: each line is a click.
            output.addEvent(user: userID, item: itemID, makeItem: { Item(id: itemID.string, title: Item.placeholderTitle(id: itemID.string), paths: []) },
                            timestamp: time, action: rating == nil ? .click : .rate, value: rating)
        }
        if reader.linesRead == 0 { throw DatasetError(file: path, kind: .emptyFile, message: "the file is empty; expected a header line") }
        if records <= 1 { throw DatasetError(file: path, kind: .emptyFile, message: "the file has a header but no events") }
    }

    /// Column names of a typed header: the text before ':' of each tab-separated field.
    static func header(_ line: RawLine, _ fields: [Range<Int>], file: String) -> HeaderColumns {
        let names = fields.map { range -> String in
            let text = line.text(range)
            return text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?.trimmingBlanks ?? text
        }
        return HeaderColumns(file: file, names: names)
    }
}

/// Where a RecBole `.item` file keeps the fields Strata uses.
struct ItemColumns {
    var id = 0
    var title: Int?
    var year: Int?
    var genres: Int?
    var count = 0

    init() {}

    init(_ header: HeaderColumns, count: Int) throws {
        id = try header.require("item_id")
        title = header.index(of: ["movie_title", "title"])
        year = header.index(of: ["release_year", "year"])
        genres = header.index(of: ["class", "genre", "genres", "categories"])
        self.count = count
    }
}
