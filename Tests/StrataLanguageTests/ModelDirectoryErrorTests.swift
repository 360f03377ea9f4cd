import Foundation
import StrataLanguage
import Testing

/// Every way a model directory can be wrong gets an error naming the file and, where one is
/// at fault, the tensor or key (Docs/language-model.md "Errors").
@Suite struct ModelDirectoryErrorTests {
    /// Breaks a copy of the tiny model with `damage`, loads it, returns the error.
    func error(_ damage: (String) throws -> Void) throws -> ModelDirectoryError {
        let directory = try LanguageFixtures.tinyCopy()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try damage(directory)
        do {
            _ = try SentenceEncoder(directory: directory)
        } catch let error as ModelDirectoryError {
            return error
        }
        Issue.record("the damaged model loaded")
        return ModelDirectoryError(file: "", message: "")
    }

    func edit(_ path: String, _ change: (inout String) -> Void) throws {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        change(&text)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Replaces bytes of the same length in the safetensors header (so offsets stay valid).
    func patchWeights(_ directory: String, _ old: String, _ new: String) throws {
        precondition(old.utf8.count == new.utf8.count)
        let path = directory + "/model.safetensors"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let needle = Array(old.utf8)
        guard let at = (0...(bytes.count - needle.count)).first(where: { Array(bytes[$0..<$0 + needle.count]) == needle }) else {
            Issue.record("\(old) not in the header"); return
        }
        bytes.replaceSubrange(at..<at + needle.count, with: Array(new.utf8))
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test func missingDirectory() throws {
        #expect(throws: ModelDirectoryError.self) { try SentenceEncoder(directory: "/nonexistent/model") }
    }

    @Test func missingFiles() throws {
        let config = try error { try FileManager.default.removeItem(atPath: $0 + "/config.json") }
        #expect(config.file == "config.json" && config.message == "missing")
        let weights = try error { try FileManager.default.removeItem(atPath: $0 + "/model.safetensors") }
        #expect(weights.file == "model.safetensors" && weights.message.hasPrefix("missing"))
        let tokenizer = try error { try FileManager.default.removeItem(atPath: $0 + "/tokenizer.json") }
        #expect(tokenizer.file == "tokenizer.json" && tokenizer.description.contains("no vocab.txt"))
    }

    @Test func unknownArchitecture() throws {
        let e = try error { try edit($0 + "/config.json") { $0 = $0.replacingOccurrences(of: "\"model_type\": \"bert\"", with: "\"model_type\": \"gpt2\"") } }
        #expect(e.file == "config.json" && e.tensor == "model_type" && e.message.contains("unknown architecture"))
        let act = try error { try edit($0 + "/config.json") { $0 = $0.replacingOccurrences(of: "\"hidden_act\": \"gelu\"", with: "\"hidden_act\": \"relu\"") } }
        #expect(act.file == "config.json" && act.tensor == "hidden_act")
    }

    @Test func wrongShapeNamesTheTensor() throws {
        let e = try error { try edit($0 + "/config.json") { $0 = $0.replacingOccurrences(of: "\"intermediate_size\": 32", with: "\"intermediate_size\": 33") } }
        #expect(e.file == "model.safetensors")
        #expect(e.tensor == "encoder.layer.0.intermediate.dense.weight")
        #expect(e.message == "shape [32, 16], expected [33, 16]")
        #expect(e.description == "model.safetensors: tensor 'encoder.layer.0.intermediate.dense.weight': shape [32, 16], expected [33, 16]")
    }

    @Test func missingTensorIsNamed() throws {
        let e = try error { try patchWeights($0, "encoder.layer.1.output.dense.bias", "encoder.layer.1.output.dense.biax") }
        #expect(e.file == "model.safetensors" && e.tensor == "encoder.layer.1.output.dense.bias" && e.message == "missing")
    }

    @Test func unknownDTypeIsNamed() throws {
        let e = try error { try patchWeights($0, "\"F32\"", "\"Q32\"") }
        #expect(e.file == "model.safetensors" && e.tensor != nil && e.message.contains("unknown dtype 'Q32'"))
    }

    @Test func truncatedAndForeignWeightFiles() throws {
        let truncated = try error { directory in
            let path = directory + "/model.safetensors"
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            try data.prefix(data.count - 100).write(to: URL(fileURLWithPath: path))
        }
        #expect(truncated.file == "model.safetensors" && truncated.message.contains("truncated"))
        let foreign = try error { try Data("PK\u{3}\u{4} this is a zip, not safetensors".utf8).write(to: URL(fileURLWithPath: $0 + "/model.safetensors")) }
        #expect(foreign.file == "model.safetensors" && foreign.message.contains("not a safetensors file"))
    }

    @Test func tokenizerAndModuleProblems() throws {
        let vocab = try error { try edit($0 + "/config.json") { $0 = $0.replacingOccurrences(of: "\"vocab_size\": 26", with: "\"vocab_size\": 20") } }
        #expect(vocab.file == "tokenizer.json" && vocab.tensor == "model.vocab" && vocab.message.contains("vocab_size 20"))
        let noCLS = try error { try edit($0 + "/tokenizer.json") { $0 = $0.replacingOccurrences(of: "\"[CLS]\":", with: "\"[XLS]\":") } }
        #expect(noCLS.file == "tokenizer.json" && noCLS.message.contains("[CLS]"))
        let module = try error { try edit($0 + "/modules.json") { $0 = $0.replacingOccurrences(of: "normalize.Normalize", with: "dense.Dense") } }
        #expect(module.file == "modules.json" && module.tensor == "[2].type" && module.message.contains("not supported"))
        let pooling = try error { try edit($0 + "/1_Pooling/config.json") { $0 = $0.replacingOccurrences(of: "\"mean\"", with: "\"weightedmean\"") } }
        #expect(pooling.file == "1_Pooling/config.json" && pooling.tensor == "pooling_mode")
        let json = try error { try "{not json".write(toFile: $0 + "/config.json", atomically: true, encoding: .utf8) }
        #expect(json.file == "config.json" && json.message == "not a JSON object")
    }
}
