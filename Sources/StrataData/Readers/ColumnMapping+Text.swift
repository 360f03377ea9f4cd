import StrataCore

extension ColumnMapping {
    /// Every role and the column it reads, `-` for a role left out, for a report:
    /// `user=uid item=sku time=ts action=event value=- path=cat title=-`. Column names are
    /// input text, so each is escaped (Docs/cli.md "Messages").
    public var roleSummary: String {
        let roles: [(String, String?)] = [("user", user), ("item", item), ("time", time), ("action", action),
                                          ("value", value), ("path", path), ("title", title)]
        return roles.map { "\($0.0)=\($0.1.map { InputText.escaped($0) } ?? "-")" }.joined(separator: " ")
    }

    /// The `--map` text that gives exactly this mapping (`ColumnMapping(parsing:)` reads it
    /// back to an equal value), to copy and edit when a guess is wrong.
    public var mapArgument: String {
        var entries = [("user", user), ("item", item), ("time", time)]
        if let action { entries.append(("action", action)) }
        if let value { entries.append(("value", value)) }
        if let path { entries.append(("path", path)) }
        if let pathSeparator { entries.append(("separator", pathSeparator.isEmpty ? "none" : pathSeparator)) }
        if let title { entries.append(("title", title)) }
        if let delimiter { entries.append(("delimiter", Self.delimiterName(delimiter))) }
        if timeDivisor == 1000 { entries.append(("time-unit", "ms")) }
        // The parser splits on `;` when the text holds one, so a value with a comma needs it.
        let separator = entries.contains { $0.1.contains(",") } ? ";" : ","
        return entries.map { "\($0.0)=\($0.1)" }.joined(separator: separator)
    }

    private static func delimiterName(_ byte: UInt8) -> String {
        let names: [UInt8: String] = [0x09: "tab", 0x2C: "comma", 0x3B: "semicolon", 0x7C: "pipe", 0x20: "space"]
        return names[byte] ?? String(UnicodeScalar(byte))
    }
}
