import Foundation
import Testing
@testable import StrataData

@Suite("AtomicFileWriter")
struct AtomicFileWriterTests {
    @Test func commitWritesTheWholeFile() throws {
        let fixture = try FixtureDirectory()
        let path = fixture.file("out.csv")
        let writer = try AtomicFileWriter(path: path)
        for index in 0..<20_000 { try writer.write("\(index),x\n") }
        #expect(!fixture.exists("out.csv"))
        try writer.commit()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 20_000)
        #expect(fixture.contents() == ["out.csv"])
    }

    @Test func discardOrDropLeavesNothingAndKeepsTheOldFile() throws {
        let fixture = try FixtureDirectory()
        let path = try fixture.write("out.txt", "old")
        do {
            let writer = try AtomicFileWriter(path: path)
            try writer.write("half")
            writer.discard()
        }
        do {
            let writer = try AtomicFileWriter(path: path)
            try writer.write("dropped without commit")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(fixture.contents() == ["out.txt"])
        try AtomicFileWriter.write("new", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    }

    @Test func unwritableDirectoryIsAClearError() throws {
        let fixture = try FixtureDirectory()
        #expect(throws: FileWriteError.self) { try AtomicFileWriter(path: fixture.file("no/such/dir/out.txt")) }
    }
}
