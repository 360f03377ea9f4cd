import Foundation
import StrataCore
import StrataData

/// `eval --per-user FILE`: one row per (model, evaluated user): `model, user, evaluated, hits,
/// hr10, ndcg10, mrr`, CSV (first line `# config: {…}`) or JSONL (first line `{"config":…}`)
/// by extension, written atomically after every model has run.
enum PerUserFile {
    static func write(_ runs: [(model: String, evaluated: [EvaluatedPositive])], userIDs: [String], to path: String,
                      config: [String: String]) throws {
        let format = TraceFormat(pathExtension: path) ?? .csv
        let columns = ["model", "user", "evaluated", "hits", "hr10", "ndcg10", "mrr"]
        var lines: [String] = []
        let configObject = try JSONOutput.line(config)
        lines.append(format == .csv ? "# config: \(configObject)" : "{\"config\":\(configObject)}")
        if format == .csv { lines.append(columns.joined(separator: ",")) }
        for run in runs {
            for row in UserMetrics.perUser(run.evaluated) {
                let id = row.user < userIDs.count ? userIDs[row.user] : String(row.user)
                let m = row.metrics
                if format == .csv {
                    lines.append([csv(run.model), csv(id), String(m.evaluated), String(m.hits), String(m.hitRateAt10),
                                  String(m.ndcgAt10), String(m.mrr)].joined(separator: ","))
                } else {
                    lines.append(try JSONOutput.line(Row(model: run.model, user: id, evaluated: m.evaluated, hits: m.hits,
                                                         hr10: m.hitRateAt10, ndcg10: m.ndcgAt10, mrr: m.mrr)))
                }
            }
        }
        let newline = format == .csv ? "\r\n" : "\n"
        try AtomicFileWriter.write(lines.joined(separator: newline) + newline, to: path)
    }

    struct Row: Encodable {
        var model: String
        var user: String
        var evaluated: Int
        var hits: Int
        var hr10: Double
        var ndcg10: Double
        var mrr: Double
    }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break.
    static func csv(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
