/// Unit-length content vectors of the catalogue's items (SPEC §4, Docs/model.md §7):
/// the items' precomputed embeddings when every item has one of the same dimension, else
/// TF-IDF over title words and tags, `w(t, i) = tf(t, i) · ln(N / df(t))`, L2-normalised.
/// Stored sparse (CSR).
public struct ItemVectors: Sendable {
    public private(set) var dimension: Int
    public private(set) var start: [Int]
    public private(set) var terms: [Int32]
    public private(set) var weights: [Double]
    public private(set) var vocabulary: [String]
    public let usesEmbeddings: Bool

    public init(catalogue: Catalogue) {
        let items = catalogue.items
        if let first = items.first?.embedding, !first.isEmpty,
           items.allSatisfy({ $0.embedding?.count == first.count }) {
            usesEmbeddings = true
            dimension = first.count
            vocabulary = (0..<first.count).map { "dim\($0)" }
            start = [0]; terms = []; weights = []
            for item in items {
                let vector = (item.embedding ?? []).map(Double.init)
                let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
                for (d, v) in vector.enumerated() where v != 0 {
                    terms.append(Int32(d))
                    weights.append(norm > 0 ? v / norm : 0)
                }
                start.append(terms.count)
            }
            return
        }
        usesEmbeddings = false
        var termIndex: [String: Int32] = [:]
        var vocabulary: [String] = []
        var documentFrequency: [Int] = []
        var tokenised: [[(Int32, Double)]] = []
        for item in items {
            var tf: [(Int32, Double)] = []
            for token in Self.tokens(of: item) {
                let id: Int32
                if let known = termIndex[token] {
                    id = known
                } else {
                    id = Int32(vocabulary.count)
                    termIndex[token] = id
                    vocabulary.append(token)
                    documentFrequency.append(0)
                }
                if let at = tf.firstIndex(where: { $0.0 == id }) {
                    tf[at].1 += 1
                } else {
                    tf.append((id, 1))
                    documentFrequency[Int(id)] += 1
                }
            }
            tokenised.append(tf)
        }
        let n = Double(max(items.count, 1))
        self.vocabulary = vocabulary
        dimension = vocabulary.count
        start = [0]; terms = []; weights = []
        for tf in tokenised {
            let weighted = tf.map { ($0.0, $0.1 * strataLog(n / Double(documentFrequency[Int($0.0)]))) }
            let norm = weighted.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
            for (term, w) in weighted.sorted(by: { $0.0 < $1.0 }) where w > 0 {
                terms.append(term)
                weights.append(w / norm)
            }
            start.append(terms.count)
        }
    }

    @inline(__always)
    public func range(of item: ItemIndex) -> Range<Int> { start[item]..<start[item + 1] }

    /// Lower-cased alphanumeric words of the title (two letters or more) and whole tags; a
    /// placeholder title (`item 42`, no title in the data) has none.
    static func tokens(of item: Item) -> [String] {
        if item.hasPlaceholderTitle { return item.tags.map { "#" + $0.lowercased() } }
        var words: [String] = []
        var current = ""
        for ch in item.title.lowercased() {
            if ch.isLetter || ch.isNumber {
                current.append(ch)
            } else {
                if current.count >= 2 && !stopWords.contains(current) { words.append(current) }
                current = ""
            }
        }
        if current.count >= 2 && !stopWords.contains(current) { words.append(current) }
        return words + item.tags.map { "#" + $0.lowercased() }
    }

    private static let stopWords: Set<String> = ["the", "of", "and", "a", "in", "to", "on", "for", "le", "la", "les", "de", "an", "with"]
}
