import Foundation

extension BertTokenizer {
    /// The tokenizer of a model directory: `tokenizer.json` (a `WordPiece` model with a
    /// `BertNormalizer` and `BertPreTokenizer`) when present, else `vocab.txt` (one token per
    /// line, the line number its id) with `tokenizer_config.json`'s `do_lower_case`,
    /// `strip_accents` and `tokenize_chinese_chars`.
    public static func load(directory: String) throws -> BertTokenizer {
        let json = (directory as NSString).appendingPathComponent("tokenizer.json")
        if FileManager.default.fileExists(atPath: json) { return try load(tokenizerJSON: json) }
        let vocab = (directory as NSString).appendingPathComponent("vocab.txt")
        guard FileManager.default.fileExists(atPath: vocab) else {
            throw ModelDirectoryError(file: "tokenizer.json", message: "missing (and no vocab.txt either): the model directory has no tokenizer")
        }
        var options = Options()
        let configPath = (directory as NSString).appendingPathComponent("tokenizer_config.json")
        if FileManager.default.fileExists(atPath: configPath) {
            let config = try JSONFile.object(at: configPath, name: "tokenizer_config.json")
            if let lower = config["do_lower_case"] as? Bool { options.lowercase = lower }
            if let strip = config["strip_accents"] as? Bool { options.stripAccents = strip }
            if let chinese = config["tokenize_chinese_chars"] as? Bool { options.handleChineseCharacters = chinese }
        }
        guard let data = FileManager.default.contents(atPath: vocab) else {
            throw ModelDirectoryError(file: "vocab.txt", message: "cannot read")
        }
        var vocabulary: [String: Int32] = [:]
        var id: Int32 = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            let token = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            if token.isEmpty { id += 1; continue }
            if vocabulary[token] == nil { vocabulary[token] = id }
            id += 1
        }
        do {
            return try BertTokenizer(vocabulary: vocabulary, options: options)
        } catch var error as ModelDirectoryError {
            error.file = "vocab.txt"
            throw error
        }
    }

    static func load(tokenizerJSON path: String) throws -> BertTokenizer {
        let name = "tokenizer.json"
        let root = try JSONFile.object(at: path, name: name)
        guard let model = root["model"] as? [String: Any] else {
            throw ModelDirectoryError(file: name, tensor: "model", message: "missing")
        }
        let type = model["type"] as? String ?? "WordPiece"
        guard type == "WordPiece" else {
            throw ModelDirectoryError(file: name, tensor: "model.type", message: "'\(ModelDirectoryError.printable(type))' is not supported (only BERT's WordPiece)")
        }
        guard let vocab = model["vocab"] as? [String: Any], !vocab.isEmpty else {
            throw ModelDirectoryError(file: name, tensor: "model.vocab", message: "missing or empty")
        }
        var vocabulary: [String: Int32] = [:]
        vocabulary.reserveCapacity(vocab.count)
        for (token, value) in vocab {
            guard let id = value as? Int, id >= 0, id < Int(Int32.max) else {
                throw ModelDirectoryError(file: name, tensor: "model.vocab", message: "the id of '\(ModelDirectoryError.printable(token))' is not a non-negative integer")
            }
            vocabulary[token] = Int32(id)
        }
        var options = Options()
        if let prefix = model["continuing_subword_prefix"] as? String { options.continuingSubwordPrefix = prefix }
        if let limit = model["max_input_chars_per_word"] as? Int { options.maxInputCharactersPerWord = limit }
        if let normalizer = root["normalizer"] as? [String: Any] {
            let kind = normalizer["type"] as? String ?? ""
            guard kind == "BertNormalizer" else {
                throw ModelDirectoryError(file: name, tensor: "normalizer.type", message: "'\(ModelDirectoryError.printable(kind))' is not supported (only BertNormalizer)")
            }
            if let lower = normalizer["lowercase"] as? Bool { options.lowercase = lower }
            if let strip = normalizer["strip_accents"] as? Bool { options.stripAccents = strip }
            if let chinese = normalizer["handle_chinese_chars"] as? Bool { options.handleChineseCharacters = chinese }
            if let clean = normalizer["clean_text"] as? Bool { options.cleanText = clean }
        }
        if let pre = root["pre_tokenizer"] as? [String: Any] {
            let kind = pre["type"] as? String ?? ""
            guard kind == "BertPreTokenizer" else {
                throw ModelDirectoryError(file: name, tensor: "pre_tokenizer.type", message: "'\(ModelDirectoryError.printable(kind))' is not supported (only BertPreTokenizer)")
            }
        }
        let added = (root["added_tokens"] as? [[String: Any]] ?? []).compactMap { $0["content"] as? String }
        do {
            return try BertTokenizer(vocabulary: vocabulary, options: options, specialTokens: added.isEmpty ? nil : added,
                                     unknown: model["unk_token"] as? String ?? "[UNK]")
        } catch var error as ModelDirectoryError {
            error.file = name
            error.tensor = "model.vocab"
            throw error
        }
    }
}

/// Reads a JSON object file with errors naming the file.
enum JSONFile {
    static func object(at path: String, name: String) throws -> [String: Any] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModelDirectoryError(file: name, message: FileManager.default.fileExists(atPath: path) ? "cannot read" : "missing")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data), let dictionary = object as? [String: Any] else {
            throw ModelDirectoryError(file: name, message: "not a JSON object")
        }
        return dictionary
    }
}
