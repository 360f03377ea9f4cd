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
        // Fixed once the mapping is known (for CSV at the header) and used in place each line.
        var events = mapping.map(MappedEventReader.init)
        // A guessed mapping names no delimiter, so the given one's (or the default) holds throughout.
        let delimiter = self.mapping?.delimiter ?? defaultDelimiter
        var csvFields: [CSVField] = []
        var columns: CSVEventColumns?
        let records = try reader.forEachRecord(sink: sink, report: &report, hasHeader: syntax == .csv) { line in
            let at = LineFields(file: path, line: line)
            switch syntax {
            case .csv:
                if let malformed = CSVSplitter.split(line.bytes, delimiter: delimiter, into: &csvFields) {
                    throw at.error(nil, .malformedLine, malformed)
                }
                if line.number == 1 {
                    let names = csvFields.map { CSVSplitter.text(of: $0, in: line).trimmingBlanks }
                    let resolved = try Self.resolve(mapping, columns: names, file: path)
                    if mapping == nil { guessed = resolved }
                    events = MappedEventReader(mapping: resolved)
                    columns = try CSVEventColumns(mapping: resolved, header: names, file: path)
                    return
                }
                // No header on line 1 (it was blank): every line has the wrong count, as before.
                try at.requireCount(csvFields.count, columns?.count ?? 0, "delimited")
                guard let columns else { return }
                try csvFields.withUnsafeBufferPointer { fields in
                    try events?.read(CSVEventFields(line: line, fields: fields, columns: columns), at: at, into: &output)
                }
            case .jsonLines:
                let object: [String: JSONFieldValue]
                switch JSONLineParser.fields(of: line.bytes) {
                case .success(let fields): object = fields
                case .failure(let failure): throw at.error(nil, .malformedLine, "not a JSON object: \(failure.message)")
                }
                try events?.read(object: object, at: at, into: &output)
            }
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
}
