import StrataCore

/// A generic event log, CSV with a header or JSON lines, read through a `ColumnMapping`
/// (given, or guessed from the CSV header / the keys of every JSON object: see
/// `guessedJSONMapping`).
/// Items are appended to the catalogue in order of first appearance, with the path and title
/// of their first line.
public struct EventLogReader: EventScanner {
    public enum Syntax: Sendable { case csv, jsonLines }

    public var name: String
    public var path: String
    public var syntax: Syntax
    public var mapping: ColumnMapping?

    public init(name: String, path: String, syntax: Syntax, mapping: ColumnMapping? = nil) {
        self.name = name
        self.path = path
        self.syntax = syntax
        self.mapping = mapping
    }

    /// The column delimiter when the mapping names none: tab for `.tsv` and `.tab` files (their
    /// extension says so), comma for every other name.
    public var defaultDelimiter: UInt8 {
        let name = path.lowercased()
        return name.hasSuffix(".tsv") || name.hasSuffix(".tab") ? 0x09 : 0x2C
    }

    public func read(options: LoadOptions, report: inout ValidationReport) throws -> Dataset {
        try buildDataset(options: options, report: &report)
    }

    public func validate(options: LoadOptions, report: inout ValidationReport) throws {
        try tallyEvents(options: options, report: &report)
    }

    func scan<Sink: EventSink>(into output: inout Sink, options: LoadOptions, report: inout ValidationReport) throws {
        report.format = syntax == .csv ? .eventCSV : .eventJSONL
        let sink = ProblemSink(mode: options.mode)
        let path = self.path
        let reader = try LineReader(path: path, options: options)
        var mapping = self.mapping
        if syntax == .jsonLines && mapping == nil { mapping = try Self.guessedJSONMapping(path: path, options: options) }
        // A guess is reported even when reading stops later (validate prints it).
        var guessed = self.mapping == nil ? mapping : nil
        defer { report.guessedMapping = guessed }
        var csvFields: [CSVField] = []
        var columnIndex: [String: Int] = [:]
        var columnCount = 0
        let records = try reader.forEachRecord(sink: sink, report: &report, hasHeader: syntax == .csv) { line in
            let at = LineFields(file: path, line: line)
            let lookup: (String) -> String?
            switch syntax {
            case .csv:
                let delimiter = mapping?.delimiter ?? defaultDelimiter
                if let malformed = CSVSplitter.split(line.bytes, delimiter: delimiter, into: &csvFields) {
                    throw at.error(nil, .malformedLine, malformed)
                }
                if line.number == 1 {
                    let names = csvFields.map { CSVSplitter.text(of: $0, in: line).trimmingBlanks }
                    let resolved = try Self.resolve(mapping, columns: names, file: path)
                    if mapping == nil { guessed = resolved }
                    mapping = resolved
                    let header = HeaderColumns(file: path, names: names)
                    for (role, name) in resolved.requiredColumns {
                        guard let index = header.index(of: [name]) else {
                            throw DatasetError(file: path, line: 1, field: name, kind: .missingColumn,
                                               message: "the header has no column \(InputText.quoted(name)) (mapped to \(role); "
                                               + "it has: \(InputText.list(names)))")
                        }
                        columnIndex[name] = index
                    }
                    columnCount = names.count
                    return
                }
                try at.requireCount(csvFields.count, columnCount, "delimited")
                let fields = csvFields
                lookup = { name in columnIndex[name].map { CSVSplitter.text(of: fields[$0], in: line) } }
            case .jsonLines:
                let object: [String: JSONFieldValue]
                switch JSONLineParser.fields(of: line.bytes) {
                case .success(let fields): object = fields
                case .failure(let failure): throw at.error(nil, .malformedLine, "not a JSON object: \(failure.message)")
                }
                lookup = { name in object[name]?.text }
            }
            guard let mapping else { return }
            try Self.readEvent(lookup, mapping: mapping, at: at, into: &output)
        }
        if reader.linesRead == 0 { throw DatasetError(file: path, kind: .emptyFile, message: "the file is empty") }
        if records <= (syntax == .csv ? 1 : 0) { throw DatasetError(file: path, kind: .emptyFile, message: "the file has no events") }
    }

    static func resolve(_ mapping: ColumnMapping?, columns: [String], file: String, line: Int? = 1) throws -> ColumnMapping {
        if let mapping { return mapping }
        if let guessed = ColumnMapping.guess(fromColumns: columns) { return guessed }
        throw DatasetError(file: file, line: line, kind: .missingColumn,
                           message: "cannot tell which columns hold user, item and time (found: \(InputText.list(columns))); "
                           + "give a mapping such as --map user=uid,item=sku,time=ts")
    }

    /// One event from a line whose fields `lookup` returns by source name.
    static func readEvent<Sink: EventSink>(_ lookup: (String) -> String?, mapping: ColumnMapping, at: LineFields,
                                           into output: inout Sink) throws {
        func required(_ name: String) throws -> String {
            guard let text = lookup(name), !text.trimmingBlanks.isEmpty else {
                throw at.error(name, .emptyField, "expected a value, found nothing")
            }
            return text
        }
        let userID = try required(mapping.user)
        let itemID = try required(mapping.item)
        let timeText = try required(mapping.time)
        let time = Array(timeText.utf8).withUnsafeBufferPointer { TimeText.seconds($0, divisor: mapping.timeDivisor) }
        guard let time else {
            throw at.error(mapping.time, .invalidNumber,
                           "expected seconds or a date such as 2019-10-01T12:00:00Z, found \(DatasetError.quoted(timeText))")
        }
        var value: Double?
        if let column = mapping.value, let text = lookup(column), !text.trimmingBlanks.isEmpty {
            value = Array(text.utf8).withUnsafeBufferPointer { NumberParsing.double($0) }
            if value == nil { throw at.error(column, .invalidNumber, "expected a number, found \(DatasetError.quoted(text))") }
        }
        // Without an action column, a line with a value is a rating and one without is a view.
        var action: Action = value == nil ? .view : .rate
        if let column = mapping.action {
            let name = try required(column)
            guard let named = ActionNames.action(named: name) else { throw ActionNames.unknown(name, field: column, at: at) }
            action = named
        }
        var paths: [[String]] = []
        if let column = mapping.path, let text = lookup(column) {
            let path = ItemTaxonomy.path(from: text, separator: mapping.pathSeparator)
            guard path.count <= 4 else {
                throw at.error(column, .invalidPath, "a path has at most 4 levels, found \(path.count) in \(DatasetError.quoted(text))")
            }
            if !path.isEmpty { paths = [path] }
        }
        let title = mapping.title.flatMap(lookup)?.trimmingBlanks
        output.addEvent(user: .text(userID), item: .text(itemID), makeItem: {
            Item(id: itemID, title: (title?.isEmpty ?? true) ? "item \(itemID)" : title ?? itemID, paths: paths)
        }, timestamp: time, action: action, value: value)
    }
}
