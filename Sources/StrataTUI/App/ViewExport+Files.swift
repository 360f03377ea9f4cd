import StrataCore

/// The two files of a view export (layouts: Docs/explorer.md "Exporting the view"). Both start
/// with the config, so either is a `--config FILE`.
extension ViewExport {
    /// One JSON object, keys in a fixed order, one member per line at the top level.
    public func json() -> String {
        let j = RecordText.jsonString, n = RecordText.jsonNumber
        func object(_ members: [(String, String)]) -> String {
            "{" + members.map { j($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
        }
        func list(_ recommendations: [Recommendation]) -> String {
            "[\n" + recommendations.map { r in
                object([("rank", String(r.rank)), ("item", j(r.item)), ("title", j(r.title)), ("score", n(r.score)),
                        ("p_accept", n(r.probability)), ("why", "[" + r.reasons.map(j).joined(separator: ",") + "]"),
                        ("features", "[" + r.features.map { f in
                            object([("name", j(f.name)), ("value", n(f.value)), ("weight", n(f.weight)), ("contribution", n(f.contribution))])
                        }.joined(separator: ",") + "]")])
            }.joined(separator: ",\n") + "\n]"
        }
        let nodeObjects = tree.map { node in
            object([("path", j(node.path)), ("depth", String(node.depth)),
                    ("shares", object(zip(tiers, node.siblingShares).map { ($0, n($1)) })), ("label", j(node.label))])
        }
        let members: [(String, String)] = [
            ("strata_view", String(Self.formatVersion)),
            ("config", object(config.sorted { $0.key < $1.key }.map { ($0.key, j($0.value)) })),
            ("source", j(source)),
            ("session", session.map(j) ?? "null"),
            ("position", String(position)),
            ("total", String(total)),
            ("user", j(user)),
            ("state_hash", j(stateHash)),
            ("decisions", String(decisions)),
            ("tiers", "[" + tiers.map(j).joined(separator: ",") + "]"),
            ("model", j(model)),
            ("recommendations", list(recommendations)),
            ("comparison", comparison.map { object([("model", j($0.model)), ("state_hash", j($0.stateHash)),
                                                    ("recommendations", list($0.recommendations))]) } ?? "null"),
            ("tree", "[\n" + nodeObjects.joined(separator: ",\n") + "\n]"),
        ]
        return "{\n" + members.map { j($0.0) + ":" + $0.1 }.joined(separator: ",\n") + "\n}\n"
    }

    /// The CSV columns, after the `# config:` and `# view:` comment lines.
    public static let csvColumns = ["table", "model", "rank", "item", "title", "score", "p_accept", "feature", "value", "weight",
                                    "contribution", "path", "depth", "tier", "share", "label"]

    /// One tidy table (RFC 4180, CRLF): a `recommendation` row per recommendation and feature,
    /// `model` saying whose list (one row, feature columns empty, for a model without
    /// features); a `tree` row per node and tier; the columns a row does not use are empty.
    public func csv() -> String {
        let f = RecordText.csvField, n = RecordText.csvNumber
        let view: [(String, String)] = [
            ("source", source), ("session", session ?? ""), ("position", String(position)), ("total", String(total)),
            ("user", user), ("state_hash", stateHash), ("decisions", String(decisions)), ("format", String(Self.formatVersion)),
            ("model", model),
        ] + (comparison.map { [("model_b", $0.model), ("state_hash_b", $0.stateHash)] } ?? [])
        func record(_ pairs: [(String, String)]) -> String {
            "{" + pairs.map { RecordText.jsonString($0.0) + ":" + RecordText.jsonString($0.1) }.joined(separator: ",") + "}"
        }
        var lines = ["# config: " + record(config.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }),
                     "# view: " + record(view),
                     Self.csvColumns.joined(separator: ",")]
        for (name, list) in [(model, recommendations), (comparison?.model ?? "", comparison?.recommendations ?? [])] {
            for r in list {
                let head = ["recommendation", f(name), String(r.rank), f(r.item), f(r.title), n(r.score), n(r.probability)]
                let features = r.features.map { [f($0.name), n($0.value), n($0.weight), n($0.contribution)] }
                for feature in features.isEmpty ? [["", "", "", ""]] : features {
                    lines.append((head + feature + ["", "", "", "", ""]).joined(separator: ","))
                }
            }
        }
        for node in tree {
            for (tier, share) in zip(tiers, node.siblingShares) {
                lines.append(["tree", "", "", "", "", "", "", "", "", "", "",
                              f(node.path), String(node.depth), f(tier), n(share), f(node.label)].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
