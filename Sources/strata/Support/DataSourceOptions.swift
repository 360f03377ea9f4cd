import ArgumentParser
import Foundation
import StrataCore
import StrataData

/// Where the events come from: `--dataset` (a path or a fetched name such as `ml-100k`),
/// `--scenario` (a scenario file, a name in Datasets/scenarios, or `demo`), or, with neither,
/// the built-in demo.
struct DataSourceOptions: ParsableArguments {
    @Option(name: .long, help: "A dataset path (file or directory) or a fetched dataset name such as ml-100k.")
    var dataset: String?

    @Option(name: .long, help: "A scenario JSON file, a name in Datasets/scenarios (e.g. drift), or 'demo'.")
    var scenario: String?

    @Option(name: .long, help: "Column mapping for generic CSV/JSONL logs, e.g. user=uid,item=sku,time=ts,action=event,path=cat.")
    var map: String?

    @Flag(name: .long, help: "Stop at the first bad line instead of skipping it.")
    var strict = false

    func validate() throws {
        if dataset != nil && scenario != nil {
            throw ValidationError("give either --dataset or --scenario, not both")
        }
    }

    /// Loads the source. Warnings (skipped lines) are returned for the caller to print.
    func load() throws -> LoadedSource {
        if let dataset {
            let files = try resolveDataset(dataset)
            let mapping = try map.map { try ColumnMapping(parsing: $0) }
            let loaded = try DatasetLoader.load(files, mapping: mapping, options: strict ? .strict : .standard)
            var warnings: [String] = []
            if loaded.report.hasProblems {
                warnings = loaded.report.renderedLines()
            }
            var digests: [String: String] = [:]
            for file in loaded.report.sources { digests[(file.path as NSString).lastPathComponent] = file.sha256 }
            return LoadedSource(dataset: loaded.dataset, label: dataset, scenario: nil, warnings: warnings, fileDigests: digests)
        }
        let scenario = try loadScenario(scenario ?? "demo")
        return LoadedSource(dataset: try scenario.makeDataset(), label: "scenario:\(scenario.name)", scenario: scenario, warnings: [])
    }

    private func resolveDataset(_ name: String) throws -> DatasetFiles {
        if FileManager.default.fileExists(atPath: name) { return try DatasetLoader.detect(at: name) }
        let catalog = DatasetCatalog()
        if catalog.known.contains(where: { $0.name == name }) { return try catalog.resolve(name) }
        throw CLIError("\(name): no such file or directory, and not a known dataset name (see `strata datasets list`)")
    }
}

/// A loaded event source.
struct LoadedSource {
    var dataset: Dataset
    var label: String
    /// Set for simulated sources: gives ground truth and the autopilot.
    var scenario: Scenario?
    var warnings: [String]
    /// SHA-256 of each source file by file name (empty for scenarios).
    var fileDigests: [String: String] = [:]
}

/// Loads a scenario by `demo`, a path, or a name in `Datasets/scenarios` (searched from the
/// current directory up, then beside the executable's repository).
func loadScenario(_ reference: String) throws -> Scenario {
    if reference == "demo" { return .demo }
    if FileManager.default.fileExists(atPath: reference) { return try ScenarioFile.load(path: reference) }
    for directory in scenarioDirectories() {
        let path = (directory as NSString).appendingPathComponent(reference + ".json")
        if FileManager.default.fileExists(atPath: path) { return try ScenarioFile.load(path: path) }
    }
    throw CLIError("\(reference): no such scenario file, and no Datasets/scenarios/\(reference).json found (try 'demo')")
}

func scenarioDirectories() -> [String] {
    var directories: [String] = []
    var url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    for _ in 0..<6 {
        directories.append(url.appendingPathComponent("Datasets/scenarios").path)
        url.deleteLastPathComponent()
    }
    var exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    for _ in 0..<6 {
        exe.deleteLastPathComponent()
        directories.append(exe.appendingPathComponent("Datasets/scenarios").path)
    }
    return directories
}
