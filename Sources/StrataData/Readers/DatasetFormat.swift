/// The dataset formats Strata reads (Docs/datasets.md has a sample of each).
public enum DatasetFormat: String, CaseIterable, Sendable {
    /// RecBole atomic files `NAME.inter` + `NAME.item` (+ `NAME.user`).
    case recBoleAtomic = "recbole"
    /// MovieLens 100k native: `u.data` + `u.item`.
    case movieLens100k = "movielens-100k"
    /// MovieLens 1M / 10M: `ratings.dat` + `movies.dat` with `::` separators.
    case movieLensDat = "movielens-dat"
    /// MovieLens latest / 20M / 25M: `ratings.csv` + `movies.csv`.
    case movieLensCSV = "movielens-csv"
    /// Taobao / Tianchi `UserBehavior.csv`: user,item,category,behavior,timestamp without header.
    case taobaoUserBehavior = "taobao"
    /// Any CSV event log with a header, read through a `ColumnMapping`.
    case eventCSV = "csv"
    /// Any JSON-lines event log (one object per line), read through a `ColumnMapping`.
    case eventJSONL = "jsonl"

    public var displayName: String {
        switch self {
        case .recBoleAtomic: return "RecBole atomic"
        case .movieLens100k: return "MovieLens 100k"
        case .movieLensDat: return "MovieLens 1M/10M"
        case .movieLensCSV: return "MovieLens CSV"
        case .taobaoUserBehavior: return "Taobao UserBehavior"
        case .eventCSV: return "CSV event log"
        case .eventJSONL: return "JSONL event log"
        }
    }
}

/// The files of one dataset and their format: what detection finds and readers read.
public struct DatasetFiles: Hashable, Sendable {
    public var format: DatasetFormat
    public var name: String
    /// The event file (`.inter`, `u.data`, `ratings.*`, the log).
    public var events: String
    /// The item file, when the format has one and it exists.
    public var items: String?
    /// The user file, when the format has one and it exists (checked, not loaded).
    public var users: String?

    public init(format: DatasetFormat, name: String, events: String, items: String? = nil, users: String? = nil) {
        self.format = format
        self.name = name
        self.events = events
        self.items = items
        self.users = users
    }

    /// The reader for these files; event logs use `mapping`, or one guessed from the header.
    public func reader(mapping: ColumnMapping? = nil) -> any DatasetReader {
        switch format {
        case .recBoleAtomic:
            return RecBoleAtomicReader(name: name, interactionsPath: events, itemsPath: items, usersPath: users)
        case .movieLens100k:
            return MovieLens100kReader(name: name, ratingsPath: events, itemsPath: items)
        case .movieLensDat:
            return MovieLensDatReader(name: name, ratingsPath: events, moviesPath: items)
        case .movieLensCSV:
            return MovieLensCSVReader(name: name, ratingsPath: events, moviesPath: items)
        case .taobaoUserBehavior:
            return TaobaoUserBehaviorReader(name: name, path: events)
        case .eventCSV:
            return EventLogReader(name: name, path: events, syntax: .csv, mapping: mapping)
        case .eventJSONL:
            return EventLogReader(name: name, path: events, syntax: .jsonLines, mapping: mapping)
        }
    }
}
