import COpenBLAS
import Foundation

/// A BERT encoder computed natively (Docs/language-model.md §3): embeddings (word + position +
/// token type 0) and layer norm, then per layer multi-head self-attention, output projection,
/// residual and layer norm, GELU feed-forward, residual and layer norm.
///
/// Sequences are **packed**: the token rows of a whole batch form one matrix, so every dense
/// layer is one `cblas_sgemm` over real tokens only and no padding is ever computed;
/// attention runs per sequence (each token sees exactly its own sequence, which is what the
/// attention mask does for a padded batch). Design note 2.
public struct BertEncoder: Sendable {
    struct Layer: Sendable {
        /// Query, key and value weights stacked: `[3H × H]` (PyTorch `Linear` layout: out × in).
        var qkvWeight: [Float]
        var qkvBias: [Float]
        var attentionOutWeight: [Float]
        var attentionOutBias: [Float]
        var attentionNormWeight: [Float]
        var attentionNormBias: [Float]
        var intermediateWeight: [Float]
        var intermediateBias: [Float]
        var outputWeight: [Float]
        var outputBias: [Float]
        var outputNormWeight: [Float]
        var outputNormBias: [Float]
    }

    public let configuration: BertConfiguration
    var wordEmbeddings: [Float]
    var positionEmbeddings: [Float]
    var typeEmbeddings: [Float]
    var embeddingNormWeight: [Float]
    var embeddingNormBias: [Float]
    var layers: [Layer]

    /// Loads the weights from `model.safetensors`, checking every tensor's presence and shape.
    /// Names may carry a `bert.` prefix (a `BertForX` checkpoint).
    public init(configuration c: BertConfiguration, weights file: SafetensorsFile) throws {
        configuration = c
        let prefix = file.tensors["embeddings.word_embeddings.weight"] == nil && file.tensors["bert.embeddings.word_embeddings.weight"] != nil ? "bert." : ""
        func tensor(_ key: String, _ shape: [Int]) throws -> [Float] { try file.floats(prefix + key, shape: shape) }
        let h = c.hiddenSize
        wordEmbeddings = try tensor("embeddings.word_embeddings.weight", [c.vocabularySize, h])
        positionEmbeddings = try tensor("embeddings.position_embeddings.weight", [c.maxPositions, h])
        typeEmbeddings = try tensor("embeddings.token_type_embeddings.weight", [c.typeVocabularySize, h])
        embeddingNormWeight = try tensor("embeddings.LayerNorm.weight", [h])
        embeddingNormBias = try tensor("embeddings.LayerNorm.bias", [h])
        layers = []
        for l in 0..<c.layerCount {
            let p = "encoder.layer.\(l)."
            layers.append(Layer(
                qkvWeight: try tensor(p + "attention.self.query.weight", [h, h]) + tensor(p + "attention.self.key.weight", [h, h])
                    + tensor(p + "attention.self.value.weight", [h, h]),
                qkvBias: try tensor(p + "attention.self.query.bias", [h]) + tensor(p + "attention.self.key.bias", [h])
                    + tensor(p + "attention.self.value.bias", [h]),
                attentionOutWeight: try tensor(p + "attention.output.dense.weight", [h, h]),
                attentionOutBias: try tensor(p + "attention.output.dense.bias", [h]),
                attentionNormWeight: try tensor(p + "attention.output.LayerNorm.weight", [h]),
                attentionNormBias: try tensor(p + "attention.output.LayerNorm.bias", [h]),
                intermediateWeight: try tensor(p + "intermediate.dense.weight", [c.intermediateSize, h]),
                intermediateBias: try tensor(p + "intermediate.dense.bias", [c.intermediateSize]),
                outputWeight: try tensor(p + "output.dense.weight", [h, c.intermediateSize]),
                outputBias: try tensor(p + "output.dense.bias", [h]),
                outputNormWeight: try tensor(p + "output.LayerNorm.weight", [h]),
                outputNormBias: try tensor(p + "output.LayerNorm.bias", [h])))
        }
    }

    /// The last hidden state of every token of `sequences`, packed: row `offsets[s] + t` is
    /// token `t` of sequence `s` (`[Σ lengths × H]`, row-major). Ids must be below the
    /// vocabulary size and each sequence at most `maxPositions` long (the tokenizer truncates).
    public func hiddenStates(_ sequences: [[Int32]]) -> (states: [Float], offsets: [Int]) {
        let c = configuration
        let h = c.hiddenSize
        var offsets = [0]
        for sequence in sequences {
            precondition(sequence.count <= c.maxPositions, "sequence of \(sequence.count) tokens exceeds max_position_embeddings \(c.maxPositions)")
            offsets.append(offsets[offsets.count - 1] + sequence.count)
        }
        let rows = offsets[offsets.count - 1]
        var x = [Float](repeating: 0, count: rows * h)
        // Embeddings: word + position + token type 0.
        x.withUnsafeMutableBufferPointer { out in
            for (s, sequence) in sequences.enumerated() {
                for (t, id) in sequence.enumerated() {
                    let token = Int(id)
                    precondition(token >= 0 && token < c.vocabularySize, "token id \(token) outside the vocabulary of \(c.vocabularySize)")
                    let row = (offsets[s] + t) * h
                    for k in 0..<h {
                        out[row + k] = wordEmbeddings[token * h + k] + positionEmbeddings[t * h + k] + typeEmbeddings[k]
                    }
                }
            }
        }
        Self.layerNorm(&x, rows: rows, width: h, weight: embeddingNormWeight, bias: embeddingNormBias, epsilon: c.layerNormEpsilon)
        var qkv = [Float](repeating: 0, count: rows * 3 * h)
        var context = [Float](repeating: 0, count: rows * h)
        var projected = [Float](repeating: 0, count: rows * h)
        var intermediate = [Float](repeating: 0, count: rows * c.intermediateSize)
        for layer in layers {
            Self.linear(x, rows: rows, inputs: h, weight: layer.qkvWeight, bias: layer.qkvBias, outputs: 3 * h, into: &qkv)
            attention(qkv, offsets: offsets, into: &context)
            Self.linear(context, rows: rows, inputs: h, weight: layer.attentionOutWeight, bias: layer.attentionOutBias, outputs: h, into: &projected)
            Self.addInPlace(&x, projected)
            Self.layerNorm(&x, rows: rows, width: h, weight: layer.attentionNormWeight, bias: layer.attentionNormBias, epsilon: c.layerNormEpsilon)
            Self.linear(x, rows: rows, inputs: h, weight: layer.intermediateWeight, bias: layer.intermediateBias, outputs: c.intermediateSize, into: &intermediate)
            GELU.apply(&intermediate)
            Self.linear(intermediate, rows: rows, inputs: c.intermediateSize, weight: layer.outputWeight, bias: layer.outputBias, outputs: h, into: &projected)
            Self.addInPlace(&x, projected)
            Self.layerNorm(&x, rows: rows, width: h, weight: layer.outputNormWeight, bias: layer.outputNormBias, epsilon: c.layerNormEpsilon)
        }
        return (x, offsets)
    }

    /// Scaled dot-product attention per sequence and head: `softmax(Q Kᵀ / √d) V`.
    func attention(_ qkv: [Float], offsets: [Int], into context: inout [Float]) {
        let h = configuration.hiddenSize
        let d = configuration.headSize
        let stride = 3 * h
        let scale = 1 / Float(d).squareRoot()
        let longest = zip(offsets.dropFirst(), offsets).map { $0 - $1 }.max() ?? 0
        var scores = [Float](repeating: 0, count: longest * longest)
        qkv.withUnsafeBufferPointer { qkvBuffer in
            context.withUnsafeMutableBufferPointer { out in
                scores.withUnsafeMutableBufferPointer { p in
                    guard let base = qkvBuffer.baseAddress, let outBase = out.baseAddress, let pBase = p.baseAddress else { return }
                    for s in 0..<(offsets.count - 1) {
                        let start = offsets[s]
                        let length = offsets[s + 1] - start
                        if length == 0 { continue }
                        for head in 0..<configuration.headCount {
                            let q = base + start * stride + head * d
                            let k = q + h
                            let v = q + 2 * h
                            let o = outBase + start * h + head * d
                            if length > 24 {
                                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(length), Int32(length), Int32(d),
                                            scale, q, Int32(stride), k, Int32(stride), 0, pBase, Int32(length))
                            } else {
                                for i in 0..<length {
                                    for j in 0..<length {
                                        var dot: Float = 0
                                        for e in 0..<d { dot += q[i * stride + e] * k[j * stride + e] }
                                        pBase[i * length + j] = dot * scale
                                    }
                                }
                            }
                            for i in 0..<length {
                                let row = pBase + i * length
                                var peak = -Float.infinity
                                for j in 0..<length { peak = max(peak, row[j]) }
                                var sum: Float = 0
                                for j in 0..<length { let e = expf(row[j] - peak); row[j] = e; sum += e }
                                let inverse = 1 / sum
                                for j in 0..<length { row[j] *= inverse }
                            }
                            if length > 24 {
                                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(length), Int32(d), Int32(length),
                                            1, pBase, Int32(length), v, Int32(stride), 0, o, Int32(h))
                            } else {
                                for i in 0..<length {
                                    let target = o + i * h
                                    for e in 0..<d { target[e] = 0 }
                                    for j in 0..<length {
                                        let weight = pBase[i * length + j]
                                        let value = v + j * stride
                                        for e in 0..<d { target[e] += weight * value[e] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `out = input · weightᵀ + bias` for `rows` rows (PyTorch `Linear`), one sgemm.
    static func linear(_ input: [Float], rows: Int, inputs: Int, weight: [Float], bias: [Float], outputs: Int, into out: inout [Float]) {
        guard rows > 0 else { return }
        out.withUnsafeMutableBufferPointer { o in
            guard let base = o.baseAddress else { return }
            bias.withUnsafeBufferPointer { b in
                guard let biasBase = b.baseAddress else { return }
                for r in 0..<rows { (base + r * outputs).update(from: biasBase, count: outputs) }
            }
            input.withUnsafeBufferPointer { a in
                weight.withUnsafeBufferPointer { w in
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(outputs), Int32(inputs),
                                1, a.baseAddress, Int32(inputs), w.baseAddress, Int32(inputs), 1, base, Int32(outputs))
                }
            }
        }
    }

    static func addInPlace(_ x: inout [Float], _ y: [Float]) {
        x.withUnsafeMutableBufferPointer { a in
            y.withUnsafeBufferPointer { b in
                for k in 0..<min(a.count, b.count) { a[k] += b[k] }
            }
        }
    }

    /// Layer norm per row (biased variance, as PyTorch), accumulated in Double.
    static func layerNorm(_ x: inout [Float], rows: Int, width: Int, weight: [Float], bias: [Float], epsilon: Float) {
        x.withUnsafeMutableBufferPointer { buffer in
            for r in 0..<rows {
                let row = r * width
                var sum = 0.0
                for k in 0..<width { sum += Double(buffer[row + k]) }
                let mean = sum / Double(width)
                var squares = 0.0
                for k in 0..<width { let d = Double(buffer[row + k]) - mean; squares += d * d }
                let inverse = 1 / (squares / Double(width) + Double(epsilon)).squareRoot()
                for k in 0..<width {
                    buffer[row + k] = Float((Double(buffer[row + k]) - mean) * inverse) * weight[k] + bias[k]
                }
            }
        }
    }
}
