import ArgumentParser
import Foundation
import StrataCore
import StrataData

/// `strata datasets list | fetch NAME | validate PATH` (Docs/datasets.md).
struct DatasetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "List, fetch and validate datasets.",
        subcommands: [List.self, Fetch.self, Validate.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "What is available locally and what can be fetched.")

        func run() throws {
            let registry = DatasetRegistry()
            print("cache: \(InputText.escaped(registry.datasetsDirectory))")
            for listing in registry.list() {
                let state = listing.localPath.map { "available at \($0)" } ?? (listing.canFetch ? "not fetched (strata datasets fetch \(listing.name))" : "not available")
                print("\(listing.name)\t\(listing.summary)\t\(state)")
            }
            print("built in\tscenarios \(BuiltInScenarios.names.joined(separator: ", ")) (use --scenario NAME, from any directory)")
        }
    }

    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Download a dataset into the user cache and verify its SHA-256.")

        @Argument(help: "Dataset name, e.g. ml-100k.")
        var name: String

        func run() throws {
            let files = try DatasetRegistry().fetch(name) { message in printError(message) }
            print("\(InputText.escaped(name)): ready at \(InputText.escaped(files.events))")
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Read a whole dataset and report every problem with file, line and field.")

        @Argument(help: "A dataset file or directory.")
        var path: String

        @Option(name: .long, help: "Column mapping for generic CSV/JSONL logs.")
        var map: String?

        @OptionGroup var progressOptions: ProgressOptions

        func run() throws {
            let mapping = try map.map { try ColumnMapping(parsing: $0) }
            var options = LoadOptions.validation
            options.progress = progressOptions.readProgress()
            let report = DatasetLoader.validate(at: path, mapping: mapping, options: options)
            for line in report.renderedLines() { print(line) }
            // What streaming held (Docs/datasets.md design note 1), for the memory figures; on
            // stderr, so the report on stdout stays the same from run to run.
            printError("peak memory: " + PeakMemory.text(PeakMemory.residentBytes()))
            if report.hasProblems { throw ExitCode(1) }
        }
    }
}
