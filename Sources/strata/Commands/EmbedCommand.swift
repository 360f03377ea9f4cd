import ArgumentParser
import Foundation
import StrataCore
import StrataData

/// `strata embed` (Docs/language-model.md §5): a sentence vector per item of a dataset
/// (`--dataset`, `--scenario`) or per line of a `--texts` file, written as RecBole's atomic
/// `.itememb` (the default), `.npy` or `.jsonl`.
struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Embed items' texts (or a JSON-lines file of texts) with a language model.",
        discussion: """
        Examples: strata embed --dataset ml-100k (writes ml-100k.itememb); \
        strata embed --texts texts.jsonl -o texts.npy. Each item's text is its --fields \
        (default title,tags) joined by ". ". Vectors are cached in the user cache.
        """
    )

    @OptionGroup var source: DataSourceOptions
    @OptionGroup var progressOptions: ProgressOptions

    @Option(name: .long, help: ArgumentHelp("A JSON-lines file of {\"id\": …, \"text\": …}, embedded in input order (instead of a dataset's items).", valueName: "file"))
    var texts: String?

    @Option(name: .long, help: ArgumentHelp("Item fields that make the text, in order: title, tags, text, paths.", valueName: "list"))
    var fields = ItemTextFields.standard.description

    @Option(name: .long, help: ArgumentHelp("A known model (minilm, see `strata models list`) or a sentence-transformers BERT directory.", valueName: "name|dir"))
    var model = "minilm"

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file: .npy, .jsonl, else RecBole atomic (default: <dataset>.itememb).", valueName: "file"))
    var output: String?

    func validate() throws {
        if texts != nil && (source.dataset != nil || source.scenario != nil) {
            throw ValidationError("give either --texts or a data source (--dataset, --scenario), not both")
        }
        if texts != nil && fields != ItemTextFields.standard.description {
            throw ValidationError("--fields chooses the fields of a dataset's items; --texts gives the texts themselves")
        }
        if source.embeddings != nil || source.embed != nil {
            throw ValidationError("--embeddings, --embed: embed computes vectors; it does not read them")
        }
        do { _ = try ItemTextFields(parsing: fields) } catch { throw ValidationError("\(error)") }
    }

    func run() throws {
        let (items, defaultName) = try inputs()
        let path = output ?? defaultName
        let embedder = TextEmbedder(model: try ModelReference.resolve(model), cache: EmbeddingCache(), showsProgress: progressOptions.enabled)
        let started = monotonicNanoseconds()
        let result = try embedder.embed(items)
        let seconds = Double(monotonicNanoseconds() &- started) / 1e9
        try EmbeddingFile.write(result.table, to: path)
        let how = result.fromCache ? "from the cache" : String(format: "in %.1f s", seconds)
        printError("embedded \(items.count) texts with \(InputText.escaped(model)) (\(result.table.dimension) dimensions) \(how)")
        print("\(InputText.escaped(path)): \(items.count) vectors of \(result.table.dimension) dimensions")
    }

    /// The texts to embed and the default output name.
    private func inputs() throws -> ([IdentifiedText], String) {
        if let texts {
            let read = try TextsFile.read(path: texts)
            return (read, ((texts as NSString).lastPathComponent as NSString).deletingPathExtension + ".itememb")
        }
        let loaded = try source.loadItems()
        for warning in loaded.warnings { printError(warning) }
        let textFields = try ItemTextFields(parsing: fields)
        let items = loaded.dataset.catalogue.items.map { IdentifiedText(id: $0.id, text: textFields.text(of: $0)) }
        let base = (loaded.label.hasPrefix("scenario:") ? String(loaded.label.dropFirst("scenario:".count)) : loaded.label)
        return (items, ((base as NSString).lastPathComponent as NSString).deletingPathExtension + ".itememb")
    }
}
