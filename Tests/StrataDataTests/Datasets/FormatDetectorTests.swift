import Testing
@testable import StrataData

@Suite("Format detection")
struct FormatDetectorTests {
    @Test func detectsEachFormatFromADirectory() throws {
        let fixture = try FixtureDirectory()
        try fixture.write("rb/ml-100k.inter", "x")
        try fixture.write("rb/ml-100k.item", "x")
        try fixture.write("rb/ml-100k.user", "x")
        try fixture.write("ml100/u.data", "x")
        try fixture.write("ml100/u.item", "x")
        try fixture.write("ml1m/ratings.dat", "x")
        try fixture.write("mlcsv/ratings.csv", "userId,movieId,rating,timestamp\n")
        try fixture.write("mlcsv/movies.csv", "x")
        try fixture.write("taobao/UserBehavior.csv", "x")
        try fixture.write("log/events.jsonl", "x")

        let recBole = try DatasetLoader.detect(at: fixture.file("rb"))
        #expect(recBole == DatasetFiles(format: .recBoleAtomic, name: "ml-100k", events: fixture.file("rb/ml-100k.inter"),
                                        items: fixture.file("rb/ml-100k.item"), users: fixture.file("rb/ml-100k.user")))
        #expect(try DatasetLoader.detect(at: fixture.file("rb/ml-100k.item")).format == .recBoleAtomic)
        let native = try DatasetLoader.detect(at: fixture.file("ml100"))
        #expect(native.format == .movieLens100k && native.items == fixture.file("ml100/u.item"))
        let dat = try DatasetLoader.detect(at: fixture.file("ml1m"))
        #expect(dat.format == .movieLensDat && dat.items == nil)
        #expect(try DatasetLoader.detect(at: fixture.file("mlcsv")).format == .movieLensCSV)
        #expect(try DatasetLoader.detect(at: fixture.file("taobao")).format == .taobaoUserBehavior)
        #expect(try DatasetLoader.detect(at: fixture.file("log")).format == .eventJSONL)
    }

    @Test func sniffsTaobaoAndPlainCSVFiles() throws {
        let fixture = try FixtureDirectory()
        let taobao = try fixture.write("behaviour-sample.csv", "1,2268318,2520377,pv,1511544070\n")
        #expect(try DatasetLoader.detect(at: taobao).format == .taobaoUserBehavior)
        let plain = try fixture.write("clicks.csv", "user,item,time\n")
        #expect(try DatasetLoader.detect(at: plain).format == .eventCSV)
    }

    @Test func unknownThingsAreClearErrors() throws {
        let fixture = try FixtureDirectory()
        try fixture.write("notes.md", "x")
        do {
            _ = try DatasetLoader.detect(at: fixture.path)
            Issue.record("detected a dataset in a folder of notes")
        } catch let error as DatasetError {
            #expect(error.kind == .unknownFormat)
            #expect(error.message.contains("no dataset found"))
        }
        #expect(throws: DatasetError.self) { try DatasetLoader.detect(at: fixture.file("notes.md")) }
        #expect(throws: DatasetError.self) { try DatasetLoader.detect(at: fixture.file("absent")) }
    }

    @Test func severalRecBoleFilesNeedAName() throws {
        let fixture = try FixtureDirectory()
        try fixture.write("d/a.inter", "x")
        try fixture.write("d/b.inter", "x")
        #expect(throws: DatasetError.self) { try DatasetLoader.detect(at: fixture.file("d")) }
        try fixture.write("d/d.inter", "x")
        #expect(try DatasetLoader.detect(at: fixture.file("d")).events == fixture.file("d/d.inter"))
    }
}
