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
            throw CLIError("--embed \(InputText.escaped(embed)): \(error)")
        }
    }

    func embed(_ text: String) -> [Float]? { encoder.embed([text]).first }
}
