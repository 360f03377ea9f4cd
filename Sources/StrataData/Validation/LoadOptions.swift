/// Bytes read so far of one file: (path, bytes read, file size in bytes).
public typealias ReadProgress = @Sendable (_ path: String, _ bytesRead: Int, _ fileSize: Int) -> Void

/// How a reader treats bad input.
public struct LoadOptions: Sendable {
    public enum Mode: Sendable {
        /// Skip bad lines, count them and keep the first `problemLimit` to show (the default).
        case skipBadLines
        /// Throw the first problem as a `DatasetError`.
        case strict
    }

    public var mode: Mode
    /// How many problems the report keeps in full; every problem is still counted.
    public var problemLimit: Int
    /// Lines longer than this many bytes are problems ("line too long"), never read whole.
    public var maximumLineLength: Int
    /// Bytes read from the file per system call.
    public var chunkSize: Int
    /// Called after every chunk a reader reads: (file, bytes read so far, file size). For a
    /// progress line on long loads; nil (the default) costs nothing.
    public var progress: ReadProgress?
    /// Bytes `validate` may spend on the hashed ids of an event file to count distinct users
    /// and items exactly (8 bytes a slot, at most ¾ full: 64 MiB holds about 6.2 M ids); past it the
    /// counts are estimated (Docs/datasets.md, design note 1). Loading keeps every id anyway.
    public var idBudgetBytes = 64 << 20
    /// Stop at the first line that ends at or past this many bytes of each file read (nil: read
    /// it all). The explorer's preview of a large log reads its head this way while the whole
    /// log loads behind it (Docs/explorer.md design note 6); the file's digest then covers
    /// only the bytes read.
    public var byteLimit: Int?

    public init(mode: Mode = .skipBadLines, problemLimit: Int = 10,
                maximumLineLength: Int = 1 << 20, chunkSize: Int = 1 << 20) {
        self.mode = mode
        self.problemLimit = problemLimit
        self.maximumLineLength = max(1, maximumLineLength)
        self.chunkSize = max(4096, chunkSize)
    }

    public static let standard = LoadOptions()
    public static let strict = LoadOptions(mode: .strict)
    /// What `validate` uses: skip and keep (nearly) every problem.
    public static let validation = LoadOptions(mode: .skipBadLines, problemLimit: 10_000)
}
