import StrataCore

/// MovieLens latest / 20M / 25M: `ratings.csv` (`userId,movieId,rating,timestamp`) and
/// `movies.csv` (`movieId,title,genres`), UTF-8 CSV with headers; titles holding commas are
/// quoted. Columns are found by name.
public struct MovieLensCSVReader: EventScanner {
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
        report.format = .movieLensCSV
        let sink = ProblemSink(mode: options.mode)
        if let moviesPath {
            try readMovies(moviesPath, into: &output, sink: sink, options: options, report: &report)
            output.finishItemFile()
        }
        let path = ratingsPath
        let reader = try LineReader(path: path, options: options)
        var fields: [CSVField] = []
        var columns = (user: 0, item: 0, rating: 0, time: 0, count: 0)
        let records = try reader.forEachRecord(sink: sink, report: &report, hasHeader: true) { line in
            let at = LineFields(file: path, line: line)
            if let malformed = CSVSplitter.split(line.bytes, delimiter: 0x2C, into: &fields) {
                throw at.error(nil, .malformedLine, malformed)
            }
            if line.number == 1 {
                let header = HeaderColumns(file: path, names: fields.map { CSVSplitter.text(of: $0, in: line).trimmingBlanks })
                columns = (try header.require("userId"), try header.require("movieId"),
                           try header.require("rating"), try header.require("timestamp"), fields.count)
                return
            }
            try at.requireCount(fields.count, columns.count, "comma-separated")
            let userID = try at.id(fields[columns.user].range, field: "userId")
            let itemID = try at.id(fields[columns.item].range, field: "movieId")
            let rating = try at.number(fields[columns.rating].range, field: "rating", in: 0.5...5)
            let time = try at.timestamp(fields[columns.time].range, field: "timestamp")
            output.addEvent(user: userID, item: itemID, makeItem: { Item(id: itemID.string, title: Item.placeholderTitle(id: itemID.string), paths: []) },
                            timestamp: time, action: .rate, value: rating)
        }
        if reader.linesRead == 0 { throw DatasetError(file: path, kind: .emptyFile, message: "the file is empty; expected a header line") }
        if records <= 1 { throw DatasetError(file: path, kind: .emptyFile, message: "the file has a header but no ratings") }
    }

    private func readMovies<Sink: EventSink>(_ path: String, into output: inout Sink, sink: ProblemSink,
                            options: LoadOptions, report: inout ValidationReport) throws {
        let reader = try LineReader(path: path, options: options)
        var fields: [CSVField] = []
        var columns = (id: 0, title: 0, genres: 0, count: 0)
        try reader.forEachRecord(sink: sink, report: &report, hasHeader: true) { line in
            let at = LineFields(file: path, line: line)
            if let malformed = CSVSplitter.split(line.bytes, delimiter: 0x2C, into: &fields) {
                throw at.error(nil, .malformedLine, malformed)
            }
            if line.number == 1 {
                let header = HeaderColumns(file: path, names: fields.map { CSVSplitter.text(of: $0, in: line).trimmingBlanks })
                columns = (try header.require("movieId"), try header.require("title"), try header.require("genres"), fields.count)
                return
            }
            try at.requireCount(fields.count, columns.count, "comma-separated")
            let id = try at.identifier(fields[columns.id].range, field: "movieId")
            let title = CSVSplitter.text(of: fields[columns.title], in: line).trimmingBlanks
            let genres = ItemTaxonomy.movieLensGenres(CSVSplitter.text(of: fields[columns.genres], in: line))
            let item = Item(id: id, title: title.isEmpty ? "movie \(id)" : title,
                            paths: ItemTaxonomy.moviePaths(genres: genres, year: ItemTaxonomy.year(inTitle: title)),
                            tags: genres)
            guard output.addItem(item) else {
                throw at.error("movieId", .duplicateItem, "movie \(InputText.quoted(id)) is defined twice")
            }
        }
        if reader.linesRead == 0 { throw DatasetError(file: path, kind: .emptyFile, message: "the file is empty; expected a header line") }
    }
}
