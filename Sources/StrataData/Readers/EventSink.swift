import StrataCore

/// Where a reader puts what it reads. Readers do every check themselves and hand each accepted
/// item and event to a sink, so loading and validating run the same checks with the same
/// messages: `DatasetBuilder` keeps everything to build a `Dataset`; `ValidationTally` keeps
/// counts and hashed ids only, so `validate` streams in bounded memory (Docs/datasets.md,
/// design note 1).
protocol EventSink {
    /// Adds an item of an item file; false when its id is already there (a duplicate).
    mutating func addItem(_ item: Item) -> Bool
    /// Marks the end of the item file: items first met in the event file are "unknown".
    mutating func finishItemFile()
    /// One accepted event, in file order. `makeItem` describes the item when it is new; a sink
    /// that keeps no items never calls it. `timestamp` is valid (see `Timestamps.split`).
    mutating func addEvent(user: IDText, item: IDText, makeItem: () -> Item,
                           timestamp: (Int64, Double), action: Action, value: Double?)
}

extension DatasetBuilder: EventSink {
    mutating func addEvent(user: IDText, item: IDText, makeItem: () -> Item,
                           timestamp: (Int64, Double), action: Action, value: Double?) {
        let index = itemIndex(for: item, makeItem: makeItem)
        addEvent(user: user, item: index, timestamp: timestamp, action: action, value: value)
    }
}

/// A reader that hands what it reads to any `EventSink`: loading and validating are then the
/// same pass into two sinks. Each reader's public `read` and `validate` call `buildDataset` and
/// `tallyEvents` (witnesses of the public `DatasetReader` must be declared in the type).
protocol EventScanner: DatasetReader {
    var name: String { get }
    /// Reads every file into `sink`, recording bad lines in `report` (or throwing, by `options`).
    func scan<Sink: EventSink>(into sink: inout Sink, options: LoadOptions, report: inout ValidationReport) throws
}

extension EventScanner {
    func buildDataset(options: LoadOptions, report: inout ValidationReport) throws -> Dataset {
        var builder = DatasetBuilder(expectedEvents: 1 << 16)
        try scan(into: &builder, options: options, report: &report)
        if builder.tooManyIDs {
            throw DatasetError(file: name, kind: .outOfRange,
                               message: "more than \(ValidationReport.grouped(EventLog.maximumItems)) items or \(ValidationReport.grouped(Int(Int32.max))) users: "
                                   + "the event log holds at most that many (split the file by user, `replay --shard`)")
        }
        builder.summarize(into: &report)
        return builder.build(name: name, fingerprint: Fingerprint.combining(report.sources))
    }

    func tallyEvents(options: LoadOptions, report: inout ValidationReport) throws {
        var tally = ValidationTally(idBudgetBytes: options.idBudgetBytes)
        defer { tally.stop() }
        try scan(into: &tally, options: options, report: &report)
        tally.summarize(into: &report)
    }
}
