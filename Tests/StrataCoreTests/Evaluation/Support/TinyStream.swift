import StrataCore

/// Hand-made streams and helpers for the evaluation tests.
enum TinyStream {
    /// 3 users, 5 items, 10 `.rate` events (time, user, item, rating). Positives (rating ≥ 4)
    /// are at stream positions 0, 1, 3, 4, 5, 7, 8, 9 (k = 0…7); positions 2 and 6 are not.
    static let rows: [(Int64, UserIndex, ItemIndex, Double)] = [
        (10, 0, 0, 5), // 0  k=0
        (20, 1, 0, 4), // 1  k=1
        (30, 0, 1, 3), // 2  not positive
        (40, 1, 2, 5), // 3  k=2
        (50, 2, 2, 4), // 4  k=3
        (60, 0, 2, 4), // 5  k=4
        (70, 2, 0, 2), // 6  not positive
        (80, 1, 3, 5), // 7  k=5
        (90, 2, 3, 4), // 8  k=6
        (100, 0, 4, 5), // 9  k=7
    ]

    static func dataset(_ rows: [(Int64, UserIndex, ItemIndex, Double)] = rows, items: Int = 5, users: Int = 3) -> Dataset {
        let catalogue = Catalogue(items: (0..<items).map { Item(id: "i\($0)", title: "Item \($0)", paths: [["Genre \($0 % 2)"]]) })
        let events = rows.map { Event(time: $0.0, user: $0.1, item: $0.2, action: .rate, value: $0.3) }
        return Dataset(name: "tiny", catalogue: catalogue, userIDs: (0..<users).map { "u\($0)" }, events: events)
    }

    /// (stream position, rank) of every evaluated positive.
    static func ranks<Model: RankingModel>(_ model: Model, on dataset: Dataset, every: Int = 1) -> [[Int]] {
        var model = model
        var run = PrequentialRun(itemCount: dataset.catalogue.count, userCount: dataset.userIDs.count, every: every)
        var out: [[Int]] = []
        for event in dataset.events {
            if let evaluated = run.process(event, model: &model) { out.append([evaluated.position, evaluated.rank]) }
        }
        return out
    }

    /// A clock that advances 1 ms per reading.
    struct FakeClock {
        var now: UInt64 = 0
        mutating func read() -> UInt64 {
            defer { now += 1_000_000 }
            return now
        }
    }
}

/// A model whose scores are fixed in advance: checks the evaluator's ranking alone.
struct FixedScores: RankingModel {
    var name = "Fixed"
    var values: [Double]
    private(set) var learned: [Event] = []

    init(_ values: [Double]) { self.values = values }

    func score(user: UserIndex, time: Int64, into scores: inout [Double]) {
        for j in scores.indices { scores[j] = values[j] }
    }

    mutating func learn(_ event: Event, isPositive: Bool) { learned.append(event) }
}
