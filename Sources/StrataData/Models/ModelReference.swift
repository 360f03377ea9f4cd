import Foundation
import StrataCore

/// A model named on the command line (`--model`, `--embed`): a known name (`minilm`, from the
/// cache) or a sentence-transformers directory (Docs/language-model.md §4).
public struct ModelReference: Sendable, Hashable {
    /// As given, for reports.
    public var name: String
    public var directory: String

    /// The files a sentence encoder reads; their SHA-256s identify the model (`digests()`).
    static let identifyingFiles = ["config.json", "tokenizer.json", "vocab.txt", "model.safetensors", "modules.json",
                                   "1_Pooling/config.json", "sentence_bert_config.json", "tokenizer_config.json"]

    /// A known name resolves through `ModelRegistry` (an error saying to fetch it when it is not
    /// cached); anything else must be a directory.
    public static func resolve(_ reference: String, registry: ModelRegistry = ModelRegistry()) throws -> ModelReference {
        if registry.known.contains(where: { $0.name == reference }) {
            return ModelReference(name: reference, directory: try registry.resolve(reference))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: reference, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ModelRegistryError.unknownModel(name: reference, known: registry.known.map(\.name))
        }
        return ModelReference(name: reference, directory: reference)
    }

    /// SHA-256 of each of the model's identifying files that exists, by relative path.
    public func digests() throws -> [String: String] {
        var digests: [String: String] = [:]
        for name in Self.identifyingFiles {
            let path = (directory as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path) { digests[name] = try FileDigest.sha256(ofFileAt: path) }
        }
        return digests
    }
}
