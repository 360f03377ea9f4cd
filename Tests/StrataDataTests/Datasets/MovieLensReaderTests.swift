import Testing
@testable import StrataData
import StrataCore

@Suite("MovieLens readers")
struct MovieLensReaderTests {
    static func flags(_ genres: [String]) -> String {
        MovieLens100kReader.genres.map { genres.contains($0) ? "1" : "0" }.joined(separator: "|")
    }

    func movieLens100k(data: [String]) throws -> FixtureDirectory {
        let fixture = try FixtureDirectory()
        var item = Array("1|Toy Story (1995)|01-Jan-1995||http://x|\(Self.flags(["Animation", "Children's", "Comedy"]))\n".utf8)
        // Latin-1 "é" (0xE9), as in the real u.item.
        item += Array("2|Mis".utf8) + [0xE9] + Array("rables, Les (1995)|01-Jan-1995||http://y|\(Self.flags(["Drama", "Musical"]))\n".utf8)
        item += Array("3|unknown|||http://z|\(Self.flags(["unknown"]))\n".utf8)
        try fixture.write("ml-100k/u.item", bytes: item)
        try fixture.write("ml-100k/u.data", lines: data)
        return fixture
    }

    @Test func readsMovieLens100kNative() throws {
        let fixture = try movieLens100k(data: ["196\t2\t3\t881250949", "186\t1\t5\t881250940", "196\t7\t1\t891717742"])
        let loaded = try DatasetLoader.load(at: fixture.file("ml-100k"))
        let dataset = loaded.dataset
        #expect(loaded.report.format == .movieLens100k)
        #expect(dataset.name == "ml-100k")
        #expect(dataset.catalogue.items.map(\.title) == ["Toy Story (1995)", "Misérables, Les (1995)", "unknown", "item 7"])
        #expect(dataset.catalogue.items[1].paths == [["Drama", "1990s"], ["Musical", "1990s"]])
        #expect(dataset.catalogue.items[2].paths == [["unknown", "Unknown year"]])
        #expect(dataset.userIDs == ["186", "196"])
        #expect(dataset.events.first == Event(time: 881_250_940, user: 0, item: 0, action: .rate, value: 5))
        #expect(loaded.report.unknownItems == 1)
    }

    @Test func ratingOutOfRangeNamesTheField() throws {
        let data = ["196\t2\t3\t881250949", "186\t1\t4\t881250940", "MARK\t1\t7\t881250941"]
        let fixture = try movieLens100k(data: data)
        try fixture.write("ml-100k/u.data", lines: data.map { $0.replacingAll("MARK", "17") })
        let error = try #require(loadError(fixture.file("ml-100k/u.data")))
        #expect(error.line == lineNumber(of: "MARK", in: data))
        #expect(error.description == "u.data:3: field 'rating': expected a number from 1 to 5, found '7'")
        #expect(error.kind == .outOfRange)
    }

    @Test func badGenreFlagNamesTheGenre() throws {
        let fixture = try movieLens100k(data: ["1\t1\t3\t5"])
        let line = "4|Heat (1995)|01-Jan-1995||http://h|" + Self.flags(["Action"]).replacingAll("1", "x")
        try fixture.write("ml-100k/u.item", lines: [line])
        let error = try #require(loadError(fixture.file("ml-100k")))
        #expect(error.description == "u.item:1: field 'genre Action': expected 0 or 1, found 'x'")
    }

    @Test func readsMovieLensDat() throws {
        let fixture = try FixtureDirectory()
        try fixture.write("ml-1m/movies.dat", bytes: Array("1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n2::Caf".utf8) + [0xE9]
                          + Array(" Society (1999)::Comedy|Romance\n".utf8))
        try fixture.write("ml-1m/ratings.dat", lines: ["1::1193::5::978300760", "1::2::3.5::978300000", "2::2::1::978300761"])
        let loaded = try DatasetLoader.load(at: fixture.file("ml-1m/ratings.dat"))
        #expect(loaded.report.format == .movieLensDat)
        let items = loaded.dataset.catalogue.items
        #expect(items.map(\.title) == ["One Flew Over the Cuckoo's Nest (1975)", "Café Society (1999)"])
        #expect(items[1].paths == [["Comedy", "1990s"], ["Romance", "1990s"]])
        #expect(loaded.dataset.events.map(\.item) == [1, 0, 1])
        #expect(loaded.report.outOfOrderEvents == 1)
    }

    @Test func datFieldCountError() throws {
        let fixture = try FixtureDirectory()
        let lines = ["1::1193::5::978300760", "MARK::1193::5"]
        try fixture.write("ratings.dat", lines: lines)
        let error = try #require(loadError(fixture.file("ratings.dat")))
        #expect(error.line == 2)
        #expect(error.kind == .wrongFieldCount)
    }

    @Test func readsMovieLensCSVWithQuotedTitles() throws {
        let fixture = try FixtureDirectory()
        try fixture.write("ml-latest/movies.csv", lines: [
            "movieId,title,genres",
            "11,\"American President, The (1995)\",Comedy|Drama|Romance",
            "2,\"Say \"\"Hi\"\" (2001)\",(no genres listed)",
        ])
        try fixture.write("ml-latest/ratings.csv", lines: ["userId,movieId,rating,timestamp", "1,11,3.5,964982703", "1,2,0.5,964981247"])
        let loaded = try DatasetLoader.load(at: fixture.file("ml-latest"))
        #expect(loaded.report.format == .movieLensCSV)
        let items = loaded.dataset.catalogue.items
        #expect(items[0].title == "American President, The (1995)")
        #expect(items[0].paths.count == 3)
        #expect(items[1].title == "Say \"Hi\" (2001)")
        #expect(items[1].paths == [["Unknown genre", "2000s"]])
        #expect(loaded.dataset.events.map(\.value) == [0.5, 3.5])
    }

    @Test func csvMissingColumnAndBadQuote() throws {
        let fixture = try FixtureDirectory()
        try fixture.write("ratings.csv", lines: ["userId,movieId,timestamp", "1,2,3"])
        let error = try #require(loadError(fixture.file("ratings.csv"), options: .standard))
        #expect(error.kind == .missingColumn)
        #expect(error.field == "rating")
        let lines = ["userId,movieId,rating,timestamp", "1,2,3,4", "\"MARK,2,3,4"]
        try fixture.write("ratings.csv", lines: lines)
        let quote = try #require(loadError(fixture.file("ratings.csv")))
        #expect(quote.kind == .malformedLine)
        #expect(quote.line == lineNumber(of: "MARK", in: lines))
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
