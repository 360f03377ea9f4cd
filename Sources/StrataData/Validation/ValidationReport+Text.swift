import StrataCore
extension ValidationReport {
    /// The report as lines of text for a terminal or a log: a summary, the problems kept,
    /// how many more there were, and the count per kind.
    public func renderedLines() -> [String] {
        var lines: [String] = []
        let names = sources.map { InputText.escaped(DatasetError(file: $0.path, kind: .emptyFile, message: "").fileName) }
        let formatName = format.map { " (\($0.displayName))" } ?? ""
        lines.append("\(names.isEmpty ? "dataset" : names.joined(separator: ", "))\(formatName)")
        let about = distinctCountsEstimated ? "≈" : ""
        lines.append("  lines read: \(Self.grouped(linesRead)), events accepted: \(Self.grouped(eventsAccepted)), "
                     + "items: \(about)\(Self.grouped(itemCount)), users: \(about)\(Self.grouped(userCount))")
        if distinctCountsEstimated {
            lines.append("  distinct items and users are estimates (±0.8 %): more ids than validate counts exactly")
        }
        if let guessedMapping {
            let from = format == .eventJSONL ? "the keys" : "the header"
            lines.append("  mapping (guessed from \(from)): \(guessedMapping.roleSummary)")
            lines.append("  to map the columns otherwise: --map '\(InputText.escaped(guessedMapping.mapArgument))'")
        }
        if unknownItems > 0 {
            lines.append("  unknown items: \(about)\(Self.grouped(unknownItems)) ids in \(Self.grouped(eventsWithUnknownItems)) events "
                         + "were not in the item file and were appended to the catalogue")
        }
        if outOfOrderEvents > 0 {
            lines.append("  out of order: \(Self.grouped(outOfOrderEvents)) events were earlier than the line before; "
                         + "the stream was sorted stably by time")
        }
        for source in sources {
            lines.append("  sha256 \(source.sha256)  \(InputText.escaped(source.path))")
        }
        guard hasProblems else {
            lines.append("no problems found")
            return lines
        }
        lines.append("\(Self.grouped(problemCount)) problem\(problemCount == 1 ? "" : "s"):")
        for problem in problems { lines.append("  \(problem)") }
        if problemCount > problems.count {
            lines.append("  … and \(Self.grouped(problemCount - problems.count)) more not shown")
        }
        let kinds = problemCounts.keys.sorted().map { "\($0.rawValue) \(Self.grouped(problemCounts[$0] ?? 0))" }
        lines.append("by kind: " + kinds.joined(separator: ", "))
        return lines
    }

    /// 100000 → "100,000".
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }
}
