import COpenBLAS
import Foundation

/// A sentence-transformers model directory, computed natively: what `SentenceTransformer(dir).encode(texts)`
/// computes for a BERT-family encoder (Docs/language-model.md).
///
/// The directory holds `config.json`, `tokenizer.json` (or `vocab.txt`), `model.safetensors`,
/// and optionally `modules.json` (Transformer → Pooling → Normalize), `1_Pooling/config.json`
/// (mean pooling when absent) and `sentence_bert_config.json` (`max_seq_length`,
/// `do_lower_case`).
///
///     let encoder = try SentenceEncoder(directory: "~/.cache/strata/models/all-MiniLM-L6-v2")
///     let vectors = encoder.embed(["The weather is lovely today.", "It's so sunny outside!"])
public struct SentenceEncoder: Sendable {
    public enum Pooling: String, Sendable { case mean, cls, max, meanSqrtLength = "mean_sqrt_len" }

    public let directory: String
    public let tokenizer: BertTokenizer
    public let encoder: BertEncoder
    public let pooling: Pooling
    /// True when `modules.json` ends in a `Normalize` module (unit-length output).
    public let normalizes: Bool
    /// Tokens per text including `[CLS]` and `[SEP]` (`max_seq_length`).
    public let maxSequenceLength: Int
    /// sentence-transformers' own `do_lower_case` (lower-cases before the tokenizer).
    public let lowercasesInput: Bool

    public var dimension: Int { encoder.configuration.hiddenSize }

    public init(directory: String) throws {
        self.directory = directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ModelDirectoryError(file: ModelDirectoryError.printable(directory), message: "no such model directory")
        }
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        let configuration = try BertConfiguration.load(path: path("config.json"))
        tokenizer = try BertTokenizer.load(directory: directory)
        if let largest = tokenizer.vocabulary.values.max(), Int(largest) >= configuration.vocabularySize {
            throw ModelDirectoryError(file: FileManager.default.fileExists(atPath: path("tokenizer.json")) ? "tokenizer.json" : "vocab.txt",
                                      tensor: "model.vocab",
                                      message: "token id \(largest) is outside config.json's vocab_size \(configuration.vocabularySize)")
        }
        let weightsPath = path("model.safetensors")
        guard FileManager.default.fileExists(atPath: weightsPath) else {
            let hint = FileManager.default.fileExists(atPath: path("pytorch_model.bin"))
                ? " (pytorch_model.bin is there: convert it to safetensors, Docs/language-model.md)" : ""
            throw ModelDirectoryError(file: "model.safetensors", message: "missing\(hint)")
        }
        encoder = try BertEncoder(configuration: configuration, weights: SafetensorsFile(path: weightsPath, name: "model.safetensors"))

        var pooling = Pooling.mean
        var normalizes = false
        var poolingDirectory = "1_Pooling"
        if FileManager.default.fileExists(atPath: path("modules.json")) {
            guard let data = FileManager.default.contents(atPath: path("modules.json")),
                  let modules = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] else {
                throw ModelDirectoryError(file: "modules.json", message: "not a JSON list of modules")
            }
            for (index, module) in modules.enumerated() {
                let type = module["type"] as? String ?? ""
                let kind = type.split(separator: ".").last.map(String.init) ?? type
                switch kind {
                case "Transformer":
                    guard index == 0 else { throw ModelDirectoryError(file: "modules.json", tensor: "[\(index)].type", message: "the Transformer module must come first") }
                case "Pooling":
                    if let p = module["path"] as? String, !p.isEmpty { poolingDirectory = p }
                case "Normalize":
                    normalizes = true
                default:
                    throw ModelDirectoryError(file: "modules.json", tensor: "[\(index)].type",
                                              message: "module '\(ModelDirectoryError.printable(type))' is not supported (Transformer, Pooling, Normalize)")
                }
            }
        } else {
            normalizes = true
        }
        let poolingConfig = (poolingDirectory as NSString).appendingPathComponent("config.json")
        if FileManager.default.fileExists(atPath: path(poolingConfig)) {
            let json = try JSONFile.object(at: path(poolingConfig), name: poolingConfig)
            let modes: [(String, Pooling)] = [("pooling_mode_mean_tokens", .mean), ("pooling_mode_cls_token", .cls),
                                              ("pooling_mode_max_tokens", .max), ("pooling_mode_mean_sqrt_len_tokens", .meanSqrtLength)]
            var chosen = modes.filter { json[$0.0] as? Bool == true }
            // sentence-transformers ≥ 5 writes one `pooling_mode` string instead of the flags.
            if let mode = json["pooling_mode"] as? String {
                let known: [String: Pooling] = ["mean": .mean, "cls": .cls, "max": .max, "mean_sqrt_len_tokens": .meanSqrtLength, "mean_sqrt_len": .meanSqrtLength]
                guard let found = known[mode] else {
                    throw ModelDirectoryError(file: poolingConfig, tensor: "pooling_mode", message: "'\(ModelDirectoryError.printable(mode))' is not supported (mean, cls, max, mean_sqrt_len_tokens)")
                }
                chosen = [("pooling_mode", found)]
            }
            guard chosen.count == 1 else {
                throw ModelDirectoryError(file: poolingConfig, tensor: chosen.isEmpty ? "pooling_mode_mean_tokens" : chosen[1].0,
                                          message: chosen.isEmpty ? "no pooling mode is true" : "only one pooling mode at a time is supported")
            }
            pooling = chosen[0].1
            let dimensionKey = json["word_embedding_dimension"] != nil ? "word_embedding_dimension" : "embedding_dimension"
            if let dimension = json[dimensionKey] as? Int, dimension != configuration.hiddenSize {
                throw ModelDirectoryError(file: poolingConfig, tensor: dimensionKey,
                                          message: "\(dimension), but config.json's hidden_size is \(configuration.hiddenSize)")
            }
        }
        self.pooling = pooling
        self.normalizes = normalizes
        var maxLength = min(512, configuration.maxPositions)
        var lowercase = false
        // Without `max_seq_length`, sentence-transformers uses the tokenizer's `model_max_length`.
        if FileManager.default.fileExists(atPath: path("tokenizer_config.json")),
           let length = try JSONFile.object(at: path("tokenizer_config.json"), name: "tokenizer_config.json")["model_max_length"] as? Int,
           length >= 2, length < maxLength {
            maxLength = length
        }
        if FileManager.default.fileExists(atPath: path("sentence_bert_config.json")) {
            let json = try JSONFile.object(at: path("sentence_bert_config.json"), name: "sentence_bert_config.json")
            if let length = json["max_seq_length"] as? Int {
                guard length >= 2, length <= configuration.maxPositions else {
                    throw ModelDirectoryError(file: "sentence_bert_config.json", tensor: "max_seq_length",
                                              message: "\(length) is outside 2…\(configuration.maxPositions) (max_position_embeddings)")
                }
                maxLength = length
            }
            lowercase = json["do_lower_case"] as? Bool ?? false
        }
        maxSequenceLength = maxLength
        lowercasesInput = lowercase
    }

    /// The token ids the encoder sees for `text` (with `[CLS]`/`[SEP]`, truncated).
    public func tokenize(_ text: String) -> [Int32] {
        tokenizer.encode(lowercasesInput ? text.lowercased() : text, maxLength: maxSequenceLength)
    }

    /// One vector per text, in input order. Texts are tokenised, sorted by length and encoded
    /// in packed batches of about `batchTokens` tokens; `progress(done, total)` after each batch.
    public func embed(_ texts: [String], batchTokens: Int = 4096, progress: ((Int, Int) -> Void)? = nil) -> [[Float]] {
        let sequences = texts.map(tokenize)
        let order = sequences.indices.sorted { (sequences[$0].count, $0) < (sequences[$1].count, $1) }
        var output = [[Float]](repeating: [], count: texts.count)
        var cursor = 0
        while cursor < order.count {
            var batch: [Int] = []
            var tokens = 0
            while cursor < order.count && (batch.isEmpty || tokens + sequences[order[cursor]].count <= batchTokens) {
                batch.append(order[cursor])
                tokens += sequences[order[cursor]].count
                cursor += 1
            }
            let (states, offsets) = encoder.hiddenStates(batch.map { sequences[$0] })
            for (k, index) in batch.enumerated() {
                output[index] = pool(states, from: offsets[k], to: offsets[k + 1])
            }
            progress?(cursor, order.count)
        }
        return output
    }

    /// Pooling over one sequence's rows (every token is real: packed batches have no padding), then L2.
    func pool(_ states: [Float], from start: Int, to end: Int) -> [Float] {
        let h = dimension
        var vector = [Float](repeating: 0, count: h)
        switch pooling {
        case .cls:
            for k in 0..<h { vector[k] = states[start * h + k] }
        case .max:
            vector = [Float](repeating: -.infinity, count: h)
            for row in start..<end { for k in 0..<h { vector[k] = max(vector[k], states[row * h + k]) } }
        case .mean, .meanSqrtLength:
            var sums = [Double](repeating: 0, count: h)
            for row in start..<end { for k in 0..<h { sums[k] += Double(states[row * h + k]) } }
            let divisor = pooling == .mean ? Double(end - start) : Double(end - start).squareRoot()
            for k in 0..<h { vector[k] = Float(sums[k] / divisor) }
        }
        if normalizes {
            let norm = vector.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
            // sentence-transformers' Normalize divides by max(‖v‖, 1e-12).
            let inverse = 1 / max(norm, 1e-12)
            for k in 0..<h { vector[k] = Float(Double(vector[k]) * inverse) }
        }
        return vector
    }

    /// Threads OpenBLAS uses (its default: one per core, or `OPENBLAS_NUM_THREADS`).
    public static var blasThreads: Int {
        get { Int(strata_blas_threads()) }
        set { strata_blas_set_threads(Int32(newValue)) }
    }
}
