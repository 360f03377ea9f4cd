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
}

/// Dense storage index of an item in its `Catalogue` (not the external `Item.id`).
public typealias ItemIndex = Int
/// Dense storage index of a user in a `Dataset` (not the external user id).
public typealias UserIndex = Int
/// Dense storage index of a taxonomy node; the root is 0.
public typealias NodeIndex = Int
