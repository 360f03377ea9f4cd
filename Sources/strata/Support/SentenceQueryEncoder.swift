import StrataCore
import StrataData
import StrataLanguage

/// The explorer's `/` search by meaning (issue 10, item 5): what is typed, embedded live by
/// the same sentence encoder that embedded the items (`--embed MODEL`), so both live in one
/// space.
struct SentenceQueryEncoder: QueryEncoder {
    let name: String
    let encoder: SentenceEncoder

    /// The `--embed` model, loaded once; nil when the run has no language model.
    static func load(embed: String?) throws -> SentenceQueryEncoder? {
        guard let embed else { return nil }
        let model = try ModelReference.resolve(embed)
        do {
            let encoder = try SentenceEncoder(directory: model.directory)
            return SentenceQueryEncoder(name: model.name, encoder: encoder)
        } catch {
            throw CLIError("\(InputText.escaped(embed)): \(error)")
        }
    }

    func embed(_ text: String) -> [Float]? { encoder.embed([text]).first }

    /// The explorer's query model: `--query-model` when given (`none` turns search by meaning
    /// off; a model whose dimension differs from the items' vectors is an error), else the
    /// `--embed` model, else — with `--embeddings FILE` — minilm when it is in the cache and
    /// its dimension matches the file's (the file does not say which model made it; `strata
    /// embed`'s default is minilm). Nil without item vectors.
    static func choose(requested: String?, embed: String?, embeddingsGiven: Bool, dimension: Int?) throws -> SentenceQueryEncoder? {
        guard let dimension else {
            if let requested, requested != "none" {
                throw CLIError("--query-model \(InputText.escaped(requested)): the items have no vectors to search by meaning; add --embed or --embeddings")
            }
            return nil
        }
        if requested == "none" { return nil }
        if let name = requested ?? embed {
            guard let encoder = try load(embed: name) else { return nil }
            guard encoder.encoder.dimension == dimension else {
                throw CLIError("--query-model \(InputText.escaped(name)): its vectors have \(encoder.encoder.dimension) dimensions, the items' \(dimension)")
            }
            return encoder
        }
        guard embeddingsGiven, (try? ModelRegistry().resolve("minilm")) != nil,
              let encoder = try? load(embed: "minilm"), encoder.encoder.dimension == dimension else { return nil }
        return encoder
    }
}
