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
        var text = ""
        text.reserveCapacity(dataset.events.count * 96)
        for event in dataset.events {
            let item = dataset.catalogue.items[event.item]
            let path = item.paths.first?.joined(separator: "/") ?? ""
            var line = "{\"time\":\(event.time),\"user\":\(jsonString(dataset.userIDs[event.user])),\"item\":\(jsonString(item.id)),"
            line += "\"title\":\(jsonString(item.title)),\"category\":\(jsonString(path)),\"action\":\"\(event.action.rawValue)\""
            if let value = event.value { line += ",\"value\":\(value == value.rounded() ? String(Int(value)) : String(value))" }
            text += line + "}\n"
        }
        if let output {
            try AtomicFileWriter.write(text, to: output)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// A JSON string literal (the trace exporter's escaping).
func jsonString(_ s: String) -> String { TraceJSONLEncoder.string(s) }
