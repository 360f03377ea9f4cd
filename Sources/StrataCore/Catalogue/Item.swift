/// One thing that can be recommended (SPEC §2).
///
/// `paths` are taxonomy paths below the root, e.g. `[["Sci-Fi", "1990s"]]`; an item on several
/// paths shares its evidence equally among them (Docs/model.md §2).
public struct Item: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var paths: [[String]]
    public var tags: [String]
    public var text: String?
    public var embedding: [Float]?

    public init(id: String, title: String, paths: [[String]], tags: [String] = [], text: String? = nil, embedding: [Float]? = nil) {
        self.id = id
        self.title = title
        self.paths = paths
        self.tags = tags
        self.text = text
        self.embedding = embedding
    }

    /// The title a reader gives an item when its data names none (`item 42`): a label for the
    /// screen, not text. It is no word of content (its id is a term only this item has), so
    /// text vectors skip it (Docs/model.md design note 17).
    public static func placeholderTitle(id: String) -> String { "item " + id }

    /// Whether `title` is `placeholderTitle(id:)`.
    public var hasPlaceholderTitle: Bool {
        title.utf8.count == id.utf8.count + 5 && title.hasPrefix("item ") && title.hasSuffix(id)
    }
}

/// Dense storage index of an item in its `Catalogue` (not the external `Item.id`).
public typealias ItemIndex = Int
/// Dense storage index of a user in a `Dataset` (not the external user id).
public typealias UserIndex = Int
/// Dense storage index of a taxonomy node; the root is 0.
public typealias NodeIndex = Int
