import ArgumentParser
import Foundation
import StrataCore
import StrataData

/// `strata simulate`: a scenario's event stream as JSON lines.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a scenario and write its event stream as JSON lines (stdout or --output), or stream a benchmark-sized log (--shape).",
        discussion: """
            Each line: {"time":1,"user":"cleo","item":"...","action":"rate","value":4}. Readable back with --dataset FILE.jsonl.
            --shape ml10m|taobao streams a log shaped like MovieLens-10M (70 k users, 10 k items, 10 M ratings) or \
            Taobao UserBehavior (1 M users, 4 M items, 9.4 k categories, 100 M events) in bounded memory, as generic \
            CSV (--layout csv) or UserBehavior CSV (--layout taobao); --events, --users and --items scale it.
            """
    )

    @Argument(help: "A built-in scenario (demo, steady, drift, emerging, multi-user) or a scenario JSON file.")
    var scenario = "demo"

    @Option(name: .long, help: "Write to this file instead of stdout (written atomically).")
    var output: String?

    @OptionGroup var progressOptions: ProgressOptions

    @Option(name: .long, help: "Override the scenario's seed.")
    var seed: UInt64?

    @Option(name: .long, help: "A benchmark-sized log instead of a scenario: ml10m or taobao.")
    var shape: ShapedLog.Shape?

    @Option(name: .long, help: "Layout of a --shape log: csv (generic, with a category path) or taobao.")
    var layout: ShapedLogWriter.Layout = .csv

    @Option(name: .long, help: "Events of a --shape log (default: the shape's size).")
    var events: Int?

    @Option(name: .long, help: "Users of a --shape log.")
    var users: Int?

    @Option(name: .long, help: "Items of a --shape log.")
    var items: Int?

    func validate() throws {
        if shape != nil {
            guard let output, TraceFormat(pathExtension: output) == .csv else {
                throw ValidationError("--shape writes CSV to a file: give --output NAME.csv")
            }
            if let events, !(1...2_000_000_000).contains(events) { throw ValidationError("--events: expected 1 to 2000000000, got \(events)") }
            if let users, !(1...100_000_000).contains(users) { throw ValidationError("--users: expected 1 to 100000000, got \(users)") }
            if let items, !(1...100_000_000).contains(items) { throw ValidationError("--items: expected 1 to 100000000, got \(items)") }
            return
        }
        if layout != .csv || events != nil || users != nil || items != nil {
            throw ValidationError("--layout, --events, --users and --items apply to --shape logs only")
        }
        // The stream is JSON lines; a name promising another format is refused, not ignored.
        if let output, TraceFormat(pathExtension: output) != .jsonl {
            throw ValidationError("--output \(InputText.escaped(output)): simulate writes JSON lines; use a .jsonl file name")
        }
    }

    func run() throws {
        if let shape, let output {
            var size = ShapedLog.standardSize(shape)
            if let events { size.events = events }
            if let users { size.users = users }
            if let items { size.items = items }
            let log = ShapedLog(shape: shape, size: size, seed: seed ?? 42)
            let file = try AtomicFileWriter(path: output)
            let progress = progressOptions.reporter("simulate \(shape.rawValue)", total: size.events)
            let lines = try ShapedLogWriter.write(log, layout: layout, progress: progress.update) { try file.write(bytes: $0) }
            progress.update(lines)
            progress.finish()
            try file.commit()
            printError("strata: wrote \(lines) events (\(log.itemCount) items, \(size.users) users) to \(InputText.escaped(output))")
            return
        }
        var scenario = try loadScenario(scenario)
        if let seed { scenario.seed = seed }
        let dataset = try scenario.makeDataset()
        // Streamed in 64 KiB pieces: a 5,000,000-event scenario (the limit) is ~650 MB of text.
        let file = try output.map { try AtomicFileWriter(path: $0) }
        var text = ""
        func flush() throws {
            if let file { try file.write(text) } else { FileHandle.standardOutput.write(Data(text.utf8)) }
            text.removeAll(keepingCapacity: true)
        }
        for event in dataset.events {
            let item = dataset.catalogue.items[event.item]
            let path = item.paths.first?.joined(separator: "/") ?? ""
            text += "{\"time\":\(event.time),\"user\":\(jsonString(dataset.userIDs[event.user])),\"item\":\(jsonString(item.id)),"
            text += "\"title\":\(jsonString(item.title)),\"category\":\(jsonString(path)),\"action\":\"\(event.action.rawValue)\""
            if let value = event.value { text += ",\"value\":\(value == value.rounded() ? String(Int(value)) : String(value))" }
            text += "}\n"
            if text.utf8.count >= 1 << 16 { try flush() }
        }
        try flush()
        try file?.commit()
    }
}

/// A JSON string literal (the trace exporter's escaping).
func jsonString(_ s: String) -> String { TraceJSONLEncoder.string(s) }

extension ShapedLog.Shape: ExpressibleByArgument {}
extension ShapedLogWriter.Layout: ExpressibleByArgument {}
