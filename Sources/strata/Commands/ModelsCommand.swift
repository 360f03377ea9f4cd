import ArgumentParser
import Foundation
import StrataCore
import StrataData

/// `strata models list | fetch NAME` (Docs/language-model.md §4): the language models Strata
/// can fetch into the user cache, never into the repository.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List and fetch language models (sentence encoders).",
        subcommands: [List.self, Fetch.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Known models, and whether each is in the cache.")

        func run() throws {
            let registry = ModelRegistry()
            print("cache: \(InputText.escaped(registry.modelsDirectory))")
            for model in registry.known {
                let path = registry.directory(of: model)
                let state = registry.isAvailable(model) ? "available at \(InputText.escaped(path))" : "not fetched (strata models fetch \(model.name))"
                print("\(model.name)\t\(model.summary)\t\(state)")
            }
            print("any directory\t--model DIR: a local sentence-transformers BERT directory (config.json, tokenizer.json or vocab.txt, model.safetensors)")
        }
    }

    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Download a model into the user cache and verify its SHA-256s.")

        @Argument(help: "Model name, e.g. minilm.")
        var name: String

        func run() throws {
            let path = try ModelRegistry().fetch(name) { message in printError(message) }
            print("\(InputText.escaped(name)): ready at \(InputText.escaped(path))")
        }
    }
}
