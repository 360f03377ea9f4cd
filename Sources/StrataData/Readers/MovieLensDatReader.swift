import StrataCore

/// MovieLens 1M / 10M: `ratings.dat` (`UserID::MovieID::Rating::Timestamp`) and `movies.dat`
/// (`MovieID::Title (Year)::Genre|Genre`), no header. `movies.dat` of 1M is Latin-1.
public struct MovieLensDatReader: EventScanner {
    public var name: String
    public var ratingsPath: String
    public var moviesPath: String?

    public init(name: String, ratingsPath: String, moviesPath: String? = nil) {
        self.name = name
        self.ratingsPath = ratingsPath
        self.moviesPath = moviesPath
    }

    public func read(options: LoadOptions, report: inout ValidationReport) throws -> Dataset {
        try buildDataset(options: options, report: &report)
    }

    public func validate(options: LoadOptions, report: inout ValidationReport) throws {
        try tallyEvents(options: options, report: &report)
    }

    func scan<Sink: EventSink>(into output: inout Sink, options: LoadOptions, report: inout ValidationReport) throws {
        report.format = .movieLensDat
        let sink = ProblemSink(mode: options.mode)
        if let moviesPath {
            try readMovies(moviesPath, into: &output, sink: sink, options: options, report: &report)
            output.finishItemFile()
        }
        let path = ratingsPath
        let reader = try LineReader(path: path, options: options)
        var fields: [Range<Int>] = []
        let records = try reader.forEachRecord(sink: sink, report: &report, hasHeader: false) { line in
            let at = LineFields(file: path, line: line)
            FieldSplitter.split(line.bytes, on: 0x3A, 0x3A, into: &fields)
            try at.requireCount(fields.count, 4, "'::'-separated")
            let userID = try at.id(fields[0], field: "UserID")
            let itemID = try at.id(fields[1], field: "MovieID")
            let rating = try at.number(fields[2], field: "Rating", in: 0.5...5)
            let time = try at.timestamp(fields[3], field: "Timestamp")
            output.addEvent(user: userID, item: itemID, makeItem: { Item(id: itemID.string, title: Item.placeholderTitle(id: itemID.string), paths: []) },
                            timestamp: time, action: .rate, value: rating)
        }
        if records == 0 { throw DatasetError(file: path, kind: .emptyFile, message: "the file has no ratings") }
    }

    private func readMovies<Sink: EventSink>(_ path: String, into output: inout Sink, sink: ProblemSink,
                            options: LoadOptions, report: inout ValidationReport) throws {
        let reader = try LineReader(path: path, options: options, validatesUTF8: false)
        var fields: [Range<Int>] = []
        let records = try reader.forEachRecord(sink: sink, report: &report, hasHeader: false) { line in
            let at = LineFields(file: path, line: line)
            FieldSplitter.split(line.bytes, on: 0x3A, 0x3A, into: &fields)
            guard fields.count >= 3 else { try at.requireCount(fields.count, 3, "'::'-separated"); return }
            let id = try at.identifier(fields[0], field: "MovieID")
            // A title holding "::" would split in two: the genres are always the last field.
            let genresRange = fields[fields.count - 1]
            let titleRange = fields[1].lowerBound..<fields[fields.count - 2].upperBound
            let title = line.legacyText(titleRange)
            let genres = ItemTaxonomy.movieLensGenres(line.legacyText(genresRange))
            let item = Item(id: id, title: title.isEmpty ? Item.placeholderTitle(id: id) : title,
                            paths: ItemTaxonomy.moviePaths(genres: genres, year: ItemTaxonomy.year(inTitle: title)),
                            tags: genres)
            guard output.addItem(item) else {
                throw at.error("MovieID", .duplicateItem, "movie \(InputText.quoted(id)) is defined twice")
            }
        }
        if records == 0 { throw DatasetError(file: path, kind: .emptyFile, message: "the file has no movies") }
    }
}
