import Testing
@testable import StrataData
import StrataCore

@Suite("LineReader")
struct LineReaderTests {
    /// Reads every line's text, number and any problems.
    func readAll(_ path: String, chunkSize: Int = 1 << 20, maximumLineLength: Int = 1 << 20,
                 validatesUTF8: Bool = true) throws -> (lines: [(Int, String)], problems: [DatasetError], reader: LineReader) {
        let reader = try LineReader(path: path, chunkSize: chunkSize, maximumLineLength: maximumLineLength,
                                    validatesUTF8: validatesUTF8)
        var lines: [(Int, String)] = []
        var problems: [DatasetError] = []
        try reader.forEachLine({ lines.append(($0.number, $0.text)) }, problem: { problems.append($0) })
        return (lines, problems, reader)
    }

    @Test func splitsOnNewlineAndCarriageReturnNewline() throws {
        let fixture = try FixtureDirectory()
        let path = try fixture.write("a.txt", "one\r\ntwo\n\nfour\r\nfive")
        let result = try readAll(path)
        #expect(result.lines.map(\.1) == ["one", "two", "", "four", "five"])
        #expect(result.lines.map(\.0) == [1, 2, 3, 4, 5])
        #expect(result.problems.isEmpty)
        #expect(result.reader.linesRead == 5)
    }

    @Test func dropsByteOrderMarkAtStart() throws {
        let fixture = try FixtureDirectory()
        let path = try fixture.write("bom.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("id\nx\n".utf8))
        #expect(try readAll(path).lines.map(\.1) == ["id", "x"])
    }

    @Test func emptyFileHasNoLines() throws {
        let fixture = try FixtureDirectory()
        let path = try fixture.write("empty.txt", "")
        let result = try readAll(path)
        #expect(result.lines.isEmpty && result.problems.isEmpty)
    }

    @Test func linesAcrossChunkBoundariesMatchASimpleSplit() throws {
        let fixture = try FixtureDirectory()
        var generator = Xoshiro256StarStar(seed: 42)
        var lines: [String] = []
        for _ in 0..<500 {
            let length = Int(generator.next() % 40)
            lines.append(String(repeating: "x", count: length) + "é")
        }
        let path = try fixture.write("many.txt", lines: lines)
        for chunk in [16, 17, 64, 1000] {
            let result = try readAll(path, chunkSize: chunk, maximumLineLength: 100)
            #expect(result.lines.map(\.1) == lines, "chunk size \(chunk)")
            #expect(result.problems.isEmpty)
        }
    }

    @Test func invalidUTF8IsReportedOnItsLineAndSkipped() throws {
        let fixture = try FixtureDirectory()
        let bytes = Array("good\nbad ".utf8) + [0xC3, 0x28] + Array("\nafter\n".utf8)
        let path = try fixture.write("bad.txt", bytes: bytes)
        let result = try readAll(path)
        #expect(result.lines.map(\.1) == ["good", "after"])
        #expect(result.lines.map(\.0) == [1, 3])
        let problem = try #require(result.problems.first)
        #expect(problem.kind == .invalidUTF8)
        #expect(problem.line == 2)
        #expect(problem.description == "bad.txt:2: invalid UTF-8 at byte 5 of the line")
    }

    @Test func latin1FilesCanSkipUTF8Validation() throws {
        let fixture = try FixtureDirectory()
        let path = try fixture.write("latin1.txt", bytes: Array("Mis".utf8) + [0xE9] + Array("rables\n".utf8))
        let result = try readAll(path, validatesUTF8: false)
        #expect(result.problems.isEmpty)
        #expect(result.lines.count == 1)
    }

    @Test(arguments: [(1 << 20, 1 << 20, 2_500_000), (64, 16, 1000), (64, 16, 65)])
    func hugeLineIsAnErrorNotACrash(maximum: Int, chunk: Int, hugeLength: Int) throws {
        let fixture = try FixtureDirectory()
        let huge = String(repeating: "z", count: hugeLength)
        let path = try fixture.write("huge.txt", "first\n\(huge)\nlast\n")
        let result = try readAll(path, chunkSize: chunk, maximumLineLength: maximum)
        #expect(result.lines.map(\.1) == ["first", "last"])
        #expect(result.lines.map(\.0) == [1, 3])
        let problem = try #require(result.problems.first)
        #expect(problem.kind == .lineTooLong && problem.line == 2)
        #expect(problem.description.contains("line too long"))
        #expect(result.problems.count == 1)
    }

    @Test func hugeLastLineWithoutNewline() throws {
        let fixture = try FixtureDirectory()
        let path = try fixture.write("tail.txt", "ok\n" + String(repeating: "y", count: 300))
        let result = try readAll(path, chunkSize: 32, maximumLineLength: 100)
        #expect(result.lines.map(\.1) == ["ok"])
        #expect(result.problems.map(\.line) == [2])
    }

    @Test func computesSHA256OfTheBytes() throws {
        let fixture = try FixtureDirectory()
        let path = try fixture.write("abc.txt", "abc")
        let result = try readAll(path)
        #expect(result.reader.sha256() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(result.reader.bytesRead == 3)
    }

    @Test func missingFileAndDirectoryAreClearErrors() throws {
        let fixture = try FixtureDirectory()
        #expect(throws: DatasetError.self) { try LineReader(path: fixture.file("nope.txt")) }
        do {
            _ = try LineReader(path: fixture.file("nope.txt"))
        } catch let error as DatasetError {
            #expect(error.kind == .fileNotFound)
            #expect(error.description == "nope.txt: no such file")
        }
        do {
            _ = try LineReader(path: fixture.path)
            Issue.record("a directory should not open")
        } catch let error as DatasetError {
            #expect(error.kind == .unreadableFile)
        }
    }
}
