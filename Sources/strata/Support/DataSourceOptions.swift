import ArgumentParser
import Foundation
import StrataCore
import StrataData

/// Where the events come from: `--dataset` (a path or a fetched name such as `ml-100k`),
/// `--scenario` (a built-in scenario name such as `drift`, or a scenario file), or, with
/// neither, the built-in demo.
struct DataSourceOptions: ParsableArguments {
    @Option(name: .long, help: "A dataset path (file or directory) or a fetched dataset name such as ml-100k.")
    var dataset: String?

    @Option(name: .long, help: "A built-in scenario (demo, steady, drift, emerging, multi-user) or a scenario JSON file.")
    var scenario: String?

    @Option(name: .long, help: "Column mapping for generic CSV/JSONL logs, e.g. user=uid,item=sku,time=ts,action=event,path=cat.")
    var map: String?

    @Flag(name: .long, help: "Stop at the first bad line instead of skipping it.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Item vectors from a file (.itememb, .npy or .jsonl, e.g. from `strata embed`), matched by item id.", valueName: "file"))
    var embeddings: String?

    @Option(name: .long, help: ArgumentHelp("Compute item vectors with a language model (minilm or a sentence-transformers directory), cached.", valueName: "name|dir"))
    var embed: String?

    @Option(name: .long, help: ArgumentHelp("Where the interest taxonomy comes from: data (the categories of the log) or embeddings (clusters of the item vectors; needs --embed or --embeddings).", valueName: "data|embeddings"))
    var taxonomy = "data"

    @Option(name: .customLong("taxonomy-levels"), help: "--taxonomy embeddings: levels of the hierarchy, 2 or 3.")
    var taxonomyLevels = 2

    @Option(name: .customLong("taxonomy-branching"), help: "--taxonomy embeddings: clusters per node, 2 to 64.")
    var taxonomyBranching = 8

    @Option(name: .customLong("taxonomy-seed"), help: "--taxonomy embeddings: seed of the clustering.")
    var taxonomySeed: UInt64 = 42

    func validate() throws {
        guard ["data", "embeddings"].contains(taxonomy) else {
            throw ValidationError("--taxonomy \(InputText.quoted(taxonomy)): expected data or embeddings")
        }
        guard (2...3).contains(taxonomyLevels) else { throw ValidationError("--taxonomy-levels must be 2 or 3, got \(taxonomyLevels)") }
        guard (2...64).contains(taxonomyBranching) else { throw ValidationError("--taxonomy-branching must be from 2 to 64, got \(taxonomyBranching)") }
        if taxonomy == "embeddings" && embeddings == nil && embed == nil {
            throw ValidationError("--taxonomy embeddings clusters item vectors: give --embed MODEL or --embeddings FILE")
        }
        if dataset != nil && scenario != nil {
            throw ValidationError("give either --dataset or --scenario, not both")
        }
        if embeddings != nil && embed != nil {
            throw ValidationError("give either --embeddings FILE or --embed MODEL, not both")
        }
    }

    /// Loads the source and attaches the item vectors of `--embeddings` / `--embed`
    /// (Docs/language-model.md §6). Warnings (skipped lines, items without a vector) are
    /// returned for the caller to print; `progress` (ProgressOptions.readProgress) is told of
    /// the bytes read from each file.
    func load(progress: ReadProgress? = nil, byteLimit: Int? = nil) throws -> LoadedSource {
        var loaded = try loadItems(progress: progress, byteLimit: byteLimit)
        // A RecBole `.item` with a `float_seq` column carries the vectors itself; a flag wins.
        let file = embeddings ?? (embed == nil ? loaded.itemVectorFile : nil)
        try ItemVectorSource(embeddings: file, embed: embed).attach(to: &loaded)
        if taxonomy == "embeddings" { try clusterTaxonomy(&loaded) }
        return loaded
    }

    /// `--taxonomy embeddings`: the items refiled under clusters of their vectors.
    func clusterTaxonomy(_ loaded: inout LoadedSource) throws {
        guard loaded.itemVectors.kind == .embeddings else {
            throw CLIError("--taxonomy embeddings: not every item has a vector (\(loaded.itemVectors.covered ?? 0) of \(loaded.dataset.catalogue.count)); "
                           + "the taxonomy needs them all")
        }
        let builder = EmbeddingTaxonomy(levels: taxonomyLevels, branching: taxonomyBranching, seed: taxonomySeed)
        guard let catalogue = builder.apply(to: loaded.dataset.catalogue) else {
            throw CLIError("--taxonomy embeddings: the items' vectors are not all of one length")
        }
        loaded.dataset.catalogue = catalogue
        loaded.itemVectors.taxonomy = "embeddings, \(taxonomyLevels) levels, branching \(taxonomyBranching), seed \(taxonomySeed)"
    }

    /// Loads the source, items with the reader's fields only.
    func loadItems(progress: ReadProgress? = nil, byteLimit: Int? = nil) throws -> LoadedSource {
        if let dataset {
            let files = try resolveDataset(dataset)
            let mapping = try map.map { try ColumnMapping(parsing: $0) }
            var options: LoadOptions = strict ? .strict : .standard
            options.progress = progress
            options.byteLimit = byteLimit
            let loaded = try DatasetLoader.load(files, mapping: mapping, options: options)
            var warnings: [String] = []
            if loaded.report.hasProblems {
                warnings = loaded.report.renderedLines()
            }
            var digests: [String: String] = [:]
            for file in loaded.report.sources { digests[(file.path as NSString).lastPathComponent] = file.sha256 }
            var source = LoadedSource(dataset: loaded.dataset, label: dataset, scenario: nil, warnings: warnings,
                                      skippedLines: loaded.report.skippedLines, fileDigests: digests)
            source.outOfOrderEvents = loaded.report.outOfOrderEvents
            source.bytesRead = loaded.report.sources.reduce(0) { $0 + $1.bytes }
            if files.format == .recBoleAtomic, let items = files.items, Self.hasFloatSequence(items) { source.itemVectorFile = items }
            return source
        }
        let scenario = try loadScenario(scenario ?? "demo")
        return LoadedSource(dataset: try scenario.makeDataset(), label: "scenario:\(scenario.name)", scenario: scenario, warnings: [])
    }

    /// Whether a RecBole item file's header has a `name:float_seq` column (item vectors).
    static func hasFloatSequence(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 65_536)) ?? Data()
        let firstLine = head.prefix { $0 != 0x0A }
        return String(decoding: firstLine, as: UTF8.self).split(separator: "\t").contains { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(":float_seq") }
    }

    func resolveDataset(_ name: String) throws -> DatasetFiles {
        if FileManager.default.fileExists(atPath: name) { return try DatasetLoader.detect(at: name) }
        let registry = DatasetRegistry()
        if registry.known.contains(where: { $0.name == name }) { return try registry.resolve(name) }
        throw CLIError("\(InputText.escaped(name)): no such file or directory, and not a known dataset name (see `strata datasets list`)")
    }
}

/// A loaded event source.
struct LoadedSource {
    var dataset: Dataset
    var label: String
    /// Set for simulated sources: gives ground truth and the autopilot.
    var scenario: Scenario?
    var warnings: [String]
    /// Lines of the dataset files skipped for a problem (0 for scenarios).
    var skippedLines = 0
    /// SHA-256 of each source file by file name (empty for scenarios).
    var fileDigests: [String: String] = [:]
    /// Which item vectors the model's content features use (the reports' `item_vectors`).
    var itemVectors = ItemVectorsRecord.tfidf
    /// A RecBole `.item` file with a `float_seq` column: the items' own vectors.
    var itemVectorFile: String?
    /// Events that came earlier in time than the line before them (the loader sorted them).
    var outOfOrderEvents = 0
    /// Bytes read from the dataset files (less than their size after a `byteLimit`).
    var bytesRead = 0

    /// `item_vectors` as a record of an output's metadata, when the vectors are not the
    /// default TF-IDF: kind, file or model, SHA-256, dimension, taxonomy.
    var itemVectorsMetadata: [String: [String: String]] {
        guard itemVectors.kind == .embeddings else { return [:] }
        var record = ["kind": itemVectors.kind.rawValue]
        if let file = itemVectors.file { record["file"] = file }
        if let model = itemVectors.model { record["model"] = model }
        if let sha = itemVectors.sha256 { record["sha256"] = sha }
        if let dimension = itemVectors.dimension { record["dimension"] = String(dimension) }
        if let taxonomy = itemVectors.taxonomy { record["taxonomy"] = taxonomy }
        return ["item_vectors": record]
    }
}

/// Loads a scenario: a built-in name (`demo`, `drift`, …: `BuiltInScenarios`, the same from
/// any directory), else a path to a scenario file (Docs/cli.md).
func loadScenario(_ reference: String) throws -> Scenario {
    if BuiltInScenarios.isName(reference), let scenario = try BuiltInScenarios.scenario(named: reference) { return scenario }
    if FileManager.default.fileExists(atPath: reference) { return try ScenarioFile.load(path: reference) }
    throw CLIError("\(InputText.escaped(reference)): not a built-in scenario (\(BuiltInScenarios.names.joined(separator: ", "))) "
                   + "and no such file")
}
