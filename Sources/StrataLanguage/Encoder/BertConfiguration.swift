import Foundation

/// The architecture of a BERT encoder, from `config.json` (Hugging Face's `BertConfig`).
public struct BertConfiguration: Sendable, Equatable {
    public var vocabularySize: Int
    public var hiddenSize: Int
    public var layerCount: Int
    public var headCount: Int
    public var intermediateSize: Int
    public var maxPositions: Int
    public var typeVocabularySize: Int
    public var layerNormEpsilon: Float

    public var headSize: Int { hiddenSize / headCount }

    public init(vocabularySize: Int, hiddenSize: Int, layerCount: Int, headCount: Int, intermediateSize: Int,
                maxPositions: Int, typeVocabularySize: Int = 2, layerNormEpsilon: Float = 1e-12) {
        self.vocabularySize = vocabularySize
        self.hiddenSize = hiddenSize
        self.layerCount = layerCount
        self.headCount = headCount
        self.intermediateSize = intermediateSize
        self.maxPositions = maxPositions
        self.typeVocabularySize = typeVocabularySize
        self.layerNormEpsilon = layerNormEpsilon
    }

    /// Reads `config.json`; refuses what this encoder does not compute (another model type,
    /// activation or position embedding), naming the key.
    public static func load(path: String) throws -> BertConfiguration {
        let name = "config.json"
        let json = try JSONFile.object(at: path, name: name)
        let modelType = json["model_type"] as? String
        let architectures = json["architectures"] as? [String] ?? []
        guard modelType == "bert" || (modelType == nil && architectures.contains(where: { $0.hasPrefix("Bert") })) else {
            let shown = modelType.map { "'\(ModelDirectoryError.printable($0))'" } ?? "absent"
            throw ModelDirectoryError(file: name, tensor: "model_type",
                                      message: "\(shown): unknown architecture (Strata's encoder computes BERT-family models, model_type \"bert\")")
        }
        func integer(_ key: String, default value: Int? = nil) throws -> Int {
            if let found = json[key] as? Int, found > 0 { return found }
            if json[key] == nil, let value { return value }
            throw ModelDirectoryError(file: name, tensor: key, message: json[key] == nil ? "missing" : "expected a positive integer")
        }
        let activation = json["hidden_act"] as? String ?? "gelu"
        guard activation == "gelu" else {
            throw ModelDirectoryError(file: name, tensor: "hidden_act", message: "'\(ModelDirectoryError.printable(activation))' is not supported (only gelu)")
        }
        let positions = json["position_embedding_type"] as? String ?? "absolute"
        guard positions == "absolute" else {
            throw ModelDirectoryError(file: name, tensor: "position_embedding_type", message: "'\(ModelDirectoryError.printable(positions))' is not supported (only absolute)")
        }
        let config = BertConfiguration(
            vocabularySize: try integer("vocab_size"), hiddenSize: try integer("hidden_size"),
            layerCount: try integer("num_hidden_layers"), headCount: try integer("num_attention_heads"),
            intermediateSize: try integer("intermediate_size"), maxPositions: try integer("max_position_embeddings", default: 512),
            typeVocabularySize: try integer("type_vocab_size", default: 2),
            layerNormEpsilon: Float((json["layer_norm_eps"] as? Double) ?? 1e-12))
        guard config.hiddenSize % config.headCount == 0 else {
            throw ModelDirectoryError(file: name, tensor: "num_attention_heads",
                                      message: "\(config.headCount) does not divide hidden_size \(config.hiddenSize)")
        }
        return config
    }
}
