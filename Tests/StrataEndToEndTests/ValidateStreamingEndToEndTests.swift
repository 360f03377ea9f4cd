import Foundation
import StrataTestSupport
import Testing

/// `strata datasets validate` as a process: bounded peak memory on a file of millions of lines,
/// and hostile files reported with file and line, exit 1, no raw bytes on the terminal.
@Suite
struct ValidateStreamingEndToEndTests {
    @Test("validate of 2.5 M lines stays under 100 MB of peak memory")
    func validateStreamsInBoundedMemory() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("UserBehavior.csv").path
        // 2.5 M events, 200 k users, 400 k items: building the dataset held ~300 MB here.
        try TaobaoLogFile.write(to: path, lines: 2_500_000, users: 200_000, items: 400_003)
        let run = try StrataBinary.run(["datasets", "validate", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("  lines read: 2,500,000, events accepted: 2,500,000, items: 400,003, users: 200,000"), "\(run.stdout)")
        // The program's own high-water mark (VmHWM, on stderr): the child's ru_maxrss would also
        // count the pages this test process (hundreds of MB by now) shared with it before exec.
        let reported = try #require(run.stderr.split(separator: "\n").last { $0.hasPrefix("peak memory: ") }.map(String.init), "\(run.stderr)")
        let megabytes = try #require(Double(reported.dropFirst("peak memory: ".count).dropLast(" MB".count)), "\(reported)")
        #expect(megabytes > 1 && megabytes < 100, "\(reported)")
    }

    @Test("hostile files: file and line named, exit 1, control bytes escaped")
    func hostileFilesFailCleanly() throws {
        let dir = try StrataBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files: [(String, [UInt8], String)] = [
            ("escape.csv", Array("1,2,3,pv,100\n1,2,3,\u{1B}[2J\u{1B}]0;pwned\u{7},100\n".utf8),
             "escape.csv:2: field 'behavior': unknown action '\\u{1B}[2J\\u{1B}]0;pwned\\u{7}'"),
            ("utf8.csv", Array("1,2,3,pv,100\n1,2,".utf8) + [0xC3, 0x28, 0x0A], "utf8.csv:2: invalid UTF-8 at byte 5 of the line"),
            ("binary.csv", (0..<65_536).map { UInt8(truncatingIfNeeded: $0 &* 197 &+ 3) }, "binary.csv:1: "),
            ("empty.csv", [], "empty.csv: the file is empty"),
        ]
        for (name, bytes, expected) in files {
            let url = dir.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            let run = try StrataBinary.run(["datasets", "validate", url.path])
            #expect(run.status == 1, "\(name): \(run.stdout) \(run.stderr)")
            #expect(run.stdout.contains(expected), "\(name): \(run.stdout)")
            for text in [run.stdout, run.stderr] {
                #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F },
                        "\(name): raw control bytes in \(text.debugDescription)")
            }
        }
    }
}
