import Foundation
import StrataCore

/// A test-only reader of RecBole atomic files (`.inter` + `.item`), building a `Dataset` exactly
/// as EVALUATION.md's protocol steps 1–2 say: catalogue = `.item` items in file order, unknown
/// items appended in order of first appearance, events stable-sorted by timestamp.
/// The production reader lives in StrataData; this one exists so the evaluation tests depend on
/// nothing but the protocol.
enum RecBoleTestLoader {
    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    /// The directory holding `ml-100k.inter` and `ml-100k.item`, if present anywhere known.
    static func ml100kDirectory() -> URL? {
        let environment = ProcessInfo.processInfo.environment
        var candidates = ["/tmp/rb/recbole/dataset_example/ml-100k"]
        if let cache = environment["STRATA_CACHE_DIR"] {
            candidates.append(cache + "/datasets/ml-100k")
            candidates.append(cache + "/ml-100k")
        }
        if let home = environment["HOME"] {
            candidates.append(home + "/.cache/strata/datasets/ml-100k")
        }
        for path in candidates {
            let directory = URL(fileURLWithPath: path)
            let manager = FileManager.default
            if manager.fileExists(atPath: directory.appendingPathComponent("ml-100k.inter").path),
               manager.fileExists(atPath: directory.appendingPathComponent("ml-100k.item").path) {
                return directory
            }
        }
        return nil
    }

    static func loadML100k(from directory: URL) throws -> Dataset {
        try load(inter: directory.appendingPathComponent("ml-100k.inter"),
                 item: directory.appendingPathComponent("ml-100k.item"), name: "ml-100k")
    }

    static func load(inter: URL, item: URL, name: String) throws -> Dataset {
        var catalogue = Catalogue()
        let itemRows = try table(at: item)
        let itemID = try column("item_id", in: itemRows, file: item)
        let title = itemRows.header.firstIndex(of: "movie_title")
        let genres = itemRows.header.firstIndex(of: "class")
        for row in itemRows.rows {
            let genre = genres.flatMap { $0 < row.count ? row[$0].split(separator: " ").first : nil }
            catalogue.add(Item(id: row[itemID], title: title.map { $0 < row.count ? row[$0] : "" } ?? "",
                               paths: [[genre.map(String.init) ?? "Unknown"]]))
        }

        let interRows = try table(at: inter)
        let user = try column("user_id", in: interRows, file: inter)
        let itemColumn = try column("item_id", in: interRows, file: inter)
        let rating = try column("rating", in: interRows, file: inter)
        let timestamp = try column("timestamp", in: interRows, file: inter)
        var userIDs: [String] = []
        var userIndex: [String: UserIndex] = [:]
        var events: [Event] = []
        events.reserveCapacity(interRows.rows.count)
        for (line, row) in interRows.rows.enumerated() {
            guard let value = Double(row[rating]), let time = Double(row[timestamp]) else {
                throw LoadError(description: "\(inter.lastPathComponent):\(line + 2): bad rating or timestamp")
            }
            let u: UserIndex
            if let known = userIndex[row[user]] {
                u = known
            } else {
                u = userIDs.count
                userIndex[row[user]] = u
                userIDs.append(row[user])
            }
            let i = catalogue.add(Item(id: row[itemColumn], title: row[itemColumn], paths: [["Unknown"]]))
            events.append(Event(time: Int64(time), user: u, item: i, action: .rate, value: value))
        }
        // Stable: equal timestamps keep file order.
        let order = events.indices.sorted { a, b in
            events[a].time != events[b].time ? events[a].time < events[b].time : a < b
        }
        return Dataset(name: name, catalogue: catalogue, userIDs: userIDs, events: order.map { events[$0] })
    }

    private struct Table {
        var header: [String]
        var rows: [[String]]
    }

    private static func table(at url: URL) throws -> Table {
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        guard !lines.isEmpty else { throw LoadError(description: "\(url.lastPathComponent): empty file") }
        // Typed header: "user_id:token"; the column is named by what comes before ':'.
        let header = lines.removeFirst().map { String($0.split(separator: ":").first ?? "") }
        return Table(header: header, rows: lines)
    }

    private static func column(_ name: String, in table: Table, file: URL) throws -> Int {
        guard let index = table.header.firstIndex(of: name) else {
            throw LoadError(description: "\(file.lastPathComponent):1: no column '\(name)' in \(table.header)")
        }
        return index
    }
}
