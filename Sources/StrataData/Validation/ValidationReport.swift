/// What reading a dataset found: lines, events, items, users, and every problem counted by kind.
public struct ValidationReport: Sendable {
    /// One source file that was read, with the SHA-256 of its bytes.
    public struct SourceFile: Hashable, Sendable {
        public var path: String
        public var sha256: String
        public var lines: Int
        public var bytes: Int
    }

    public var format: DatasetFormat?
    public var sources: [SourceFile] = []
    public var linesRead = 0
    public var eventsAccepted = 0
    public var itemCount = 0
    public var userCount = 0
    /// Events whose timestamp is earlier than that of the line before them in the file
    /// (each is counted once; the stream was then sorted stably).
    public var outOfOrderEvents = 0
    /// Distinct item ids met in the event file but absent from the item file (appended).
    public var unknownItems = 0
    /// Events that refer to such an item.
    public var eventsWithUnknownItems = 0
    /// Every problem, counted by kind (complete even when `problems` is cut short).
    public var problemCounts: [ProblemKind: Int] = [:]
    /// The first `problemLimit` problems, in the order they were met.
    public var problems: [DatasetError] = []
    public var problemLimit: Int
    /// The column mapping of a generic CSV/JSONL log when none was given and it was guessed
    /// from the header (CSV) or the keys (JSON lines): `validate` shows it, so a wrong guess
    /// is seen before it shapes every event.
    public var guessedMapping: ColumnMapping?
    /// True when `validate` met more distinct ids than its budget holds exactly, so `userCount`,
    /// `itemCount` and `unknownItems` are HyperLogLog estimates (±0.8 %; Docs/datasets.md,
    /// design note 1). Always false for a load, which keeps every id.
    public var distinctCountsEstimated = false
    /// The most bytes `validate` held for ids at once (hashed ids and sketches; 0 for a load):
    /// bounded by `LoadOptions.idBudgetBytes` plus the item file's ids, whatever the lines.
    public var idStateBytes = 0

    public init(problemLimit: Int = 10) {
        self.problemLimit = problemLimit
    }

    public var problemCount: Int { problemCounts.values.reduce(0, +) }
    /// Lines skipped for a problem: every problem but the fatal ones (no file, no header…),
    /// which stop reading instead, is one line left out of the stream.
    public var skippedLines: Int { problemCounts.filter { !$0.key.isFatal }.values.reduce(0, +) }
    public var hasProblems: Bool { problemCount > 0 }

    /// Counts `problem` and keeps it if fewer than `problemLimit` are kept.
    public mutating func record(_ problem: DatasetError) {
        problemCounts[problem.kind, default: 0] += 1
        if problems.count < problemLimit { problems.append(problem) }
    }
}

/// Records problems in a report, or throws them, depending on the mode.
struct ProblemSink {
    let mode: LoadOptions.Mode

    func record(_ problem: DatasetError, in report: inout ValidationReport) throws {
        if mode == .strict { throw problem }
        report.record(problem)
    }
}
