/// Which item vectors a run used, for its report (`item_vectors` of an eval line and of the
/// replay report; Docs/language-model.md §6): `{"kind": "tfidf"}`, or `{"kind": "embeddings",
/// "file": …, "sha256": …, "dimension": 384, "covered": 1682, "items": 1682}`. When a file
/// covered only some items the run fell back to TF-IDF (Docs/model.md §7): the kind is then
/// `tfidf` and the file's fields say what was refused.
public struct ItemVectorsRecord: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable { case tfidf, embeddings }

    public var kind: Kind
    /// The embedding file, or the model directory for vectors computed on the fly (`--embed`).
    public var file: String?
    /// SHA-256 of the embedding file (or the key of the computed vectors).
    public var sha256: String?
    /// The model the vectors were computed with, for `--embed`.
    public var model: String?
    public var dimension: Int?
    /// Items that have a vector in the file, of `items`.
    public var covered: Int?
    public var items: Int?
    /// Set when the taxonomy was made from these vectors (`--taxonomy embeddings`):
    /// `embeddings, 2 levels, branching 8, seed 42` (Docs/language-model.md §9).
    public var taxonomy: String?

    public init(kind: Kind, file: String? = nil, sha256: String? = nil, model: String? = nil,
                dimension: Int? = nil, covered: Int? = nil, items: Int? = nil) {
        self.kind = kind
        self.file = file
        self.sha256 = sha256
        self.model = model
        self.dimension = dimension
        self.covered = covered
        self.items = items
    }

    public static let tfidf = ItemVectorsRecord(kind: .tfidf)
}
