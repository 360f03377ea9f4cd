import Foundation

/// The BERT tokenizer as Hugging Face's `tokenizers` runs it for a BERT model
/// (`BertNormalizer` → `BertPreTokenizer` → `WordPiece` → `[CLS] … [SEP]`), Docs/language-model.md §1.
///
/// 1. **Special tokens** (`[CLS]`, `[SEP]`, `[PAD]`, `[UNK]`, `[MASK]`: the added tokens of
///    `tokenizer.json`) written in the raw text are kept whole, before normalisation.
/// 2. **Normalise**: drop NUL, U+FFFD and control/format/unassigned/private-use characters,
///    every whitespace becomes a space; a space either side of each CJK ideograph; accents
///    stripped (NFD, then drop non-spacing marks) when configured — by default whenever
///    lower-casing; lower-case (full Unicode lower-case mapping).
/// 3. **Pre-tokenise**: split at whitespace (dropped) and around every punctuation character
///    (ASCII punctuation, and Unicode categories Pc, Pd, Ps, Pe, Pi, Pf, Po), each kept alone.
/// 4. **WordPiece**: per word, greedy longest match from the start, continuation pieces
///    prefixed `##`; a word with no full cover, or longer than 100 characters, is `[UNK]`.
/// 5. `[CLS]` + pieces + `[SEP]`, truncated to `maxLength` ids in all.
public struct BertTokenizer: Sendable {
    public struct Options: Sendable, Equatable {
        public var lowercase = true
        /// `nil`: follow `lowercase` (the BERT convention).
        public var stripAccents: Bool? = nil
        public var handleChineseCharacters = true
        public var cleanText = true
        public var maxInputCharactersPerWord = 100
        public var continuingSubwordPrefix = "##"

        public init(lowercase: Bool = true, stripAccents: Bool? = nil, handleChineseCharacters: Bool = true) {
            self.lowercase = lowercase
            self.stripAccents = stripAccents
            self.handleChineseCharacters = handleChineseCharacters
        }
    }

    public let vocabulary: [String: Int32]
    public let options: Options
    public let unknownID: Int32
    public let classID: Int32
    public let separatorID: Int32
    public let paddingID: Int32
    /// Added (special) tokens matched in the raw text, longest first.
    let specialTokens: [(text: [Unicode.Scalar], id: Int32)]

    public init(vocabulary: [String: Int32], options: Options = Options(), specialTokens: [String]? = nil,
                unknown: String = "[UNK]", classToken: String = "[CLS]", separator: String = "[SEP]", padding: String = "[PAD]") throws {
        func id(_ token: String) throws -> Int32 {
            guard let id = vocabulary[token] else {
                throw ModelDirectoryError(file: "vocabulary", tensor: nil, message: "has no \(token) token")
            }
            return id
        }
        self.vocabulary = vocabulary
        self.options = options
        unknownID = try id(unknown)
        classID = try id(classToken)
        separatorID = try id(separator)
        paddingID = vocabulary[padding] ?? 0
        let specials = specialTokens ?? [padding, unknown, classToken, separator, "[MASK]"]
        self.specialTokens = specials.compactMap { token in vocabulary[token].map { (Array(token.unicodeScalars), $0) } }
            .filter { !$0.0.isEmpty }
            .sorted { $0.0.count > $1.0.count }
    }

    /// Ids of `text` with `[CLS]` and `[SEP]`, at most `maxLength` in all.
    public func encode(_ text: String, maxLength: Int = 512) -> [Int32] {
        var ids: [Int32] = [classID]
        let budget = max(maxLength - 2, 0)
        for segment in splitSpecial(Array(text.unicodeScalars)) {
            if ids.count - 1 >= budget { break }
            switch segment {
            case .special(let id):
                ids.append(id)
            case .text(let scalars):
                for word in preTokenize(normalize(scalars)) {
                    if ids.count - 1 >= budget { break }
                    wordPiece(word, into: &ids)
                }
            }
        }
        if ids.count - 1 > budget { ids.removeLast(ids.count - 1 - budget) }
        ids.append(separatorID)
        return ids
    }

    /// The pieces of `text` as strings, without `[CLS]`/`[SEP]` (for tests and docs).
    public func tokens(_ text: String) -> [String] {
        var inverse: [Int32: String] = [:]
        for (token, id) in vocabulary { inverse[id] = token }
        return encode(text, maxLength: Int.max).dropFirst().dropLast().map { inverse[$0] ?? "?" }
    }

    /// The words after normalisation and pre-tokenisation (vocabulary-independent; special
    /// tokens are not looked for, as `pre_tokenize_str(normalize_str(text))`).
    public func words(_ text: String) -> [String] {
        preTokenize(normalize(Array(text.unicodeScalars))).map { var s = ""; s.unicodeScalars.append(contentsOf: $0); return s }
    }

    enum Segment { case text([Unicode.Scalar]), special(Int32) }

    /// Cuts the raw text at the special tokens it spells out (leftmost, longest first).
    func splitSpecial(_ scalars: [Unicode.Scalar]) -> [Segment] {
        guard !specialTokens.isEmpty, scalars.contains("[") else { return [.text(scalars)] }
        var segments: [Segment] = []
        var pending: [Unicode.Scalar] = []
        var i = 0
        outer: while i < scalars.count {
            if scalars[i] == "[" {
                for (token, id) in specialTokens where i + token.count <= scalars.count {
                    if scalars[i..<i + token.count].elementsEqual(token) {
                        if !pending.isEmpty { segments.append(.text(pending)); pending = [] }
                        segments.append(.special(id))
                        i += token.count
                        continue outer
                    }
                }
            }
            pending.append(scalars[i])
            i += 1
        }
        if !pending.isEmpty { segments.append(.text(pending)) }
        return segments
    }

    /// BertNormalizer: clean, pad CJK, strip accents, lower-case.
    func normalize(_ input: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(input.count + 8)
        for scalar in input {
            if options.cleanText {
                if scalar.value == 0 || scalar.value == 0xFFFD || Self.isControl(scalar) { continue }
                if Self.isWhitespace(scalar) { out.append(" "); continue }
            }
            if options.handleChineseCharacters && Self.isChinese(scalar) {
                out.append(" "); out.append(scalar); out.append(" ")
            } else {
                out.append(scalar)
            }
        }
        if options.stripAccents ?? options.lowercase {
            var decomposed = ""
            decomposed.unicodeScalars.append(contentsOf: out)
            if !out.allSatisfy(\.isASCII) {
                out = Array(decomposed.decomposedStringWithCanonicalMapping.unicodeScalars).filter { $0.properties.generalCategory != .nonspacingMark }
            }
        }
        if options.lowercase {
            var lowered: [Unicode.Scalar] = []
            lowered.reserveCapacity(out.count)
            for scalar in out {
                if scalar.isASCII {
                    let v = scalar.value
                    lowered.append((65...90).contains(v) ? Unicode.Scalar(UInt8(v + 32)) : scalar)
                } else {
                    lowered.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                }
            }
            out = lowered
        }
        return out
    }

    /// BertPreTokenizer: whitespace removed, punctuation isolated.
    func preTokenize(_ scalars: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
        var words: [ArraySlice<Unicode.Scalar>] = []
        var start = 0
        for (i, scalar) in scalars.enumerated() {
            if scalar.properties.isWhitespace {
                if start < i { words.append(scalars[start..<i]) }
                start = i + 1
            } else if Self.isPunctuation(scalar) {
                if start < i { words.append(scalars[start..<i]) }
                words.append(scalars[i..<i + 1])
                start = i + 1
            }
        }
        if start < scalars.count { words.append(scalars[start..<scalars.count]) }
        return words
    }

    /// WordPiece: greedy longest-match-first; `[UNK]` for a word it cannot cover.
    func wordPiece(_ word: ArraySlice<Unicode.Scalar>, into ids: inout [Int32]) {
        guard word.count <= options.maxInputCharactersPerWord else { ids.append(unknownID); return }
        let chars = Array(word)
        var pieces: [Int32] = []
        var start = 0
        while start < chars.count {
            var end = chars.count
            var found: Int32?
            while start < end {
                var piece = start > 0 ? options.continuingSubwordPrefix : ""
                piece.unicodeScalars.append(contentsOf: chars[start..<end])
                if let id = vocabulary[piece] { found = id; break }
                end -= 1
            }
            guard let found else { ids.append(unknownID); return }
            pieces.append(found)
            start = end
        }
        ids.append(contentsOf: pieces)
    }

    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s == "\t" || s == "\n" || s == "\r" || s.properties.isWhitespace
    }

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        if s == "\t" || s == "\n" || s == "\r" { return false }
        switch s.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v) { return true }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    /// CJK ideograph blocks, as `tokenizers` lists them.
    static func isChinese(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
             0x2B740...0x2B81F, 0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F: return true
        default: return false
        }
    }
}
