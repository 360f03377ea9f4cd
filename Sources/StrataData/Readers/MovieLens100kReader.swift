import StrataCore

/// MovieLens 100k native files: `u.data` (tab-separated `user item rating timestamp`, no
/// header) and `u.item` (pipe-separated: id, title, release date `01-Jan-1995`, video release
/// date, IMDb URL, then 19 genre flags). `u.item` is Latin-1; titles are converted.
public struct MovieLens100kReader: EventScanner {
    /// The genre flags of `u.item`, in column order (the dataset's README).
    public static let genres = [
        "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary",
        "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi",
        "Thriller", "War", "Western",
    ]
    static let ratingFields = ["user id", "item id", "rating", "timestamp"]

    public var name: String
    public var ratingsPath: String
    public var itemsPath: String?

    public init(name: String, ratingsPath: String, itemsPath: String? = nil) {
        self.name = name
        self.ratingsPath = ratingsPath
        self.itemsPath = itemsPath
    }

    public func read(options: LoadOptions, report: inout ValidationReport) throws -> Dataset {
        try buildDataset(options: options, report: &report)
    }

    public func validate(options: LoadOptions, report: inout ValidationReport) throws {
        try tallyEvents(options: options, report: &report)
    }

    func scan<Sink: EventSink>(into output: inout Sink, options: LoadOptions, report: inout ValidationReport) throws {
        report.format = .movieLens100k
        let sink = ProblemSink(mode: options.mode)
        if let itemsPath {
            try readItems(itemsPath, into: &output, sink: sink, options: options, report: &report)
            output.finishItemFile()
        }
        let path = ratingsPath
        let reader = try LineReader(path: path, options: options)
        var fields: [Range<Int>] = []
        let records = try reader.forEachRecord(sink: sink, report: &report, hasHeader: false) { line in
            let at = LineFields(file: path, line: line)
            FieldSplitter.split(line.bytes, on: 0x09, into: &fields)
            try at.requireCount(fields.count, 4, "tab-separated")
            let userID = try at.id(fields[0], field: "user id")
            let itemID = try at.id(fields[1], field: "item id")
            let rating = try at.number(fields[2], field: "rating", in: 1...5)
            let time = try at.timestamp(fields[3], field: "timestamp")
            output.addEvent(user: userID, item: itemID, makeItem: { Item(id: itemID.string, title: Item.placeholderTitle(id: itemID.string), paths: []) },
                            timestamp: time, action: .rate, value: rating)
        }
        if records == 0 { throw DatasetError(file: path, kind: .emptyFile, message: "the file has no ratings") }
    }

    private func readItems<Sink: EventSink>(_ path: String, into output: inout Sink, sink: ProblemSink,
                           options: LoadOptions, report: inout ValidationReport) throws {
        let reader = try LineReader(path: path, options: options, validatesUTF8: false)
        var fields: [Range<Int>] = []
        let expected = 5 + Self.genres.count
        let records = try reader.forEachRecord(sink: sink, report: &report, hasHeader: false) { line in
            let at = LineFields(file: path, line: line)
            FieldSplitter.split(line.bytes, on: 0x7C, into: &fields)
            try at.requireCount(fields.count, expected, "'|'-separated")
            let id = try at.identifier(fields[0], field: "movie id")
            let title = line.legacyText(fields[1])
            // "01-Jan-1995": the year is the last four characters.
            let date = line.legacyText(fields[2])
            let year = date.count >= 4 ? Int(date.suffix(4)) : nil
            var genres: [String] = []
            for (offset, genre) in Self.genres.enumerated() {
                let flag = fields[5 + offset]
                guard flag.count == 1, line.bytes[flag.lowerBound] == 0x30 || line.bytes[flag.lowerBound] == 0x31 else {
                    throw at.error("genre \(genre)", .invalidNumber, "expected 0 or 1, found \(DatasetError.quoted(line.legacyText(flag)))")
                }
                if line.bytes[flag.lowerBound] == 0x31 { genres.append(genre) }
            }
            let item = Item(id: id, title: title.isEmpty ? Item.placeholderTitle(id: id) : title,
                            paths: ItemTaxonomy.moviePaths(genres: genres, year: year), tags: genres)
            guard output.addItem(item) else {
                throw at.error("movie id", .duplicateItem, "movie \(InputText.quoted(id)) is defined twice")
            }
        }
        if records == 0 { throw DatasetError(file: path, kind: .emptyFile, message: "the file has no movies") }
    }
}
