import ArgumentParser
import Foundation
import StrataCore
import StrataData

/// `strata simulate`: a scenario's event stream as JSON lines.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a scenario and write its event stream as JSON lines (stdout or --output).",
        discussion: "Each line: {\"time\":1,\"user\":\"cleo\",\"item\":\"...\",\"action\":\"rate\",\"value\":4}. Readable back with --dataset FILE.jsonl."
    )

    @Argument(help: "A built-in scenario (demo, steady, drift, emerging, multi-user) or a scenario JSON file.")
    var scenario = "demo"

    @Option(name: .long, help: "Write to this file instead of stdout (written atomically).")
    var output: String?

    @Option(name: .long, help: "Override the scenario's seed.")
    var seed: UInt64?

    func validate() throws {
        // The stream is JSON lines; a name promising another format is refused, not ignored.
        if let output, TraceFormat(pathExtension: output) != .jsonl {
            throw ValidationError("--output \(InputText.escaped(output)): simulate writes JSON lines; use a .jsonl file name")
        }
    }

    func run() throws {
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
