/// The synthetic catalogue of a scenario: taxonomy shape, items per leaf, popularity and titles
/// (Docs/scenarios.md §2).
public struct CatalogueSpec: Hashable, Sendable, Codable {
    public var taxonomy: TaxonomyShape
    public var itemsPerLeaf: Int
    /// `s` in popularity ∝ rank^−s within a leaf (0 = uniform).
    public var zipfExponent: Double
    public var titles: TitleSpec
    /// Item ids are `idPrefix` + a 4-digit number (`m0001`).
    public var idPrefix: String

    public init(taxonomy: TaxonomyShape, itemsPerLeaf: Int = 8, zipfExponent: Double = 1.0,
                titles: TitleSpec = TitleSpec(), idPrefix: String = "m") {
        self.taxonomy = taxonomy
        self.itemsPerLeaf = itemsPerLeaf
        self.zipfExponent = zipfExponent
        self.titles = titles
        self.idPrefix = idPrefix
    }

    static let fieldNames = ["categories", "generated", "itemsPerLeaf", "zipfExponent", "titles", "idPrefix"]

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: Self.fieldNames)
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        if let categories = try c.decodeIfPresent([CategorySpec].self, "categories") {
            if c.contains(AnyCodingKey("generated")) {
                throw DecodingError.dataCorruptedError(forKey: AnyCodingKey("generated"), in: c,
                    debugDescription: "give either 'categories' or 'generated', not both")
            }
            taxonomy = .categories(categories)
        } else if let generated = try c.decodeIfPresent(GeneratedTaxonomy.self, "generated") {
            taxonomy = .generated(generated)
        } else {
            throw DecodingError.keyNotFound(AnyCodingKey("categories"), DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "the catalogue needs 'categories' or 'generated'"))
        }
        itemsPerLeaf = try c.decodeIfPresent(Int.self, "itemsPerLeaf") ?? 8
        zipfExponent = try c.decodeIfPresent(Double.self, "zipfExponent") ?? 1.0
        titles = try c.decodeIfPresent(TitleSpec.self, "titles") ?? TitleSpec()
        idPrefix = try c.decodeIfPresent(String.self, "idPrefix") ?? "m"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        switch taxonomy {
        case .categories(let categories): try c.encode(categories, "categories")
        case .generated(let generated): try c.encode(generated, "generated")
        }
        try c.encode(itemsPerLeaf, "itemsPerLeaf")
        try c.encode(zipfExponent, "zipfExponent")
        try c.encode(titles, "titles")
        try c.encode(idPrefix, "idPrefix")
    }

    /// The category tree this spec describes (generated shapes expanded).
    public var categories: [CategorySpec] {
        switch taxonomy {
        case .categories(let categories): return categories
        case .generated(let generated): return generated.expanded()
        }
    }
}

/// Either an explicit category tree or a generated one of given branching.
public enum TaxonomyShape: Hashable, Sendable {
    case categories([CategorySpec])
    case generated(GeneratedTaxonomy)
}

/// `{"branching": [4, 3, 2]}`: 4 top-level categories, each with 3 children, each with 2.
/// Names are `Category 1`, `Category 1.2`, `Category 1.2.1` unless `names` gives the top level.
public struct GeneratedTaxonomy: Hashable, Sendable, Codable {
    public var branching: [Int]
    /// Optional names for the top-level categories (the rest are numbered).
    public var names: [String]?

    public init(branching: [Int], names: [String]? = nil) {
        self.branching = branching
        self.names = names
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: ["branching", "names"])
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        branching = try c.decode([Int].self, "branching")
        names = try c.decodeIfPresent([String].self, "names")
    }

    func expanded() -> [CategorySpec] {
        func level(_ depth: Int, prefix: String) -> [CategorySpec] {
            guard depth < branching.count, branching[depth] > 0 else { return [] }
            return (1...branching[depth]).map { number in
                let label = prefix.isEmpty ? "\(number)" : "\(prefix).\(number)"
                var name = "Category \(label)"
                if depth == 0, let names, number - 1 < names.count { name = names[number - 1] }
                return CategorySpec(name: name, children: level(depth + 1, prefix: label))
            }
        }
        return level(0, prefix: "")
    }
}

/// One category; a category without children is a leaf that holds items.
public struct CategorySpec: Hashable, Sendable, Codable {
    public var name: String
    public var children: [CategorySpec]
    /// Items in this leaf (default: the catalogue's `itemsPerLeaf`, or `titles.count`).
    public var items: Int?
    /// Explicit titles for this leaf's items, used before generated ones.
    public var titles: [String]
    /// Word lists for title patterns in this subtree; override lists of the same name above.
    public var titleWords: [String: [String]]
    /// Title patterns for this subtree (default: inherited).
    public var titlePatterns: [String]?

    public init(name: String, children: [CategorySpec] = [], items: Int? = nil, titles: [String] = [],
                titleWords: [String: [String]] = [:], titlePatterns: [String]? = nil) {
        self.name = name
        self.children = children
        self.items = items
        self.titles = titles
        self.titleWords = titleWords
        self.titlePatterns = titlePatterns
    }

    public var isLeaf: Bool { children.isEmpty }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: ["name", "children", "items", "titles", "titleWords", "titlePatterns"])
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        name = try c.decode(String.self, "name")
        children = try c.decodeIfPresent([CategorySpec].self, "children") ?? []
        items = try c.decodeIfPresent(Int.self, "items")
        titles = try c.decodeIfPresent([String].self, "titles") ?? []
        titleWords = try c.decodeMap([String].self, "titleWords") ?? [:]
        titlePatterns = try c.decodeIfPresent([String].self, "titlePatterns")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        try c.encode(name, "name")
        if !children.isEmpty { try c.encode(children, "children") }
        try c.encodeIfPresent(items, "items")
        if !titles.isEmpty { try c.encode(titles, "titles") }
        if !titleWords.isEmpty { try c.encodeMap(titleWords, "titleWords") }
        try c.encodeIfPresent(titlePatterns, "titlePatterns")
    }
}

/// Deterministic title generation: a pattern such as `"The {adj} {noun}"` is filled from named
/// word lists with the scenario's PRNG. Built-in placeholders: `{leaf}` (the leaf's name),
/// `{top}` (its top-level category) and `{n}` (the item's number within its leaf).
public struct TitleSpec: Hashable, Sendable, Codable {
    public var patterns: [String]
    public var words: [String: [String]]
    /// Titles longer than this are redrawn (the explorer's panes are narrow).
    public var maximumLength: Int

    public init(patterns: [String] = ["{leaf} {n}"], words: [String: [String]] = [:], maximumLength: Int = 32) {
        self.patterns = patterns
        self.words = words
        self.maximumLength = maximumLength
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: ["patterns", "words", "maximumLength"])
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        patterns = try c.decodeIfPresent([String].self, "patterns") ?? ["{leaf} {n}"]
        words = try c.decodeMap([String].self, "words") ?? [:]
        maximumLength = try c.decodeIfPresent(Int.self, "maximumLength") ?? 32
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        try c.encode(patterns, "patterns")
        try c.encodeMap(words, "words")
        try c.encode(maximumLength, "maximumLength")
    }
}
