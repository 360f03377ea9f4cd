import StrataCore

extension ConfigFile {
    /// The whole effective configuration as a TOML file that `--config` reads back to the same
    /// configuration (`strata config show`): every key with its value, and in a comment its
    /// default, its allowed range and which commands use it. Keys with a dot (`features.*`)
    /// go in their table at the end. O(settings).
    public static func tomlText(for config: ModelConfig, header: [String] = []) -> String {
        let defaults = ModelConfig()
        var top: [String] = []
        var tables: [(name: String, lines: [String])] = []
        for setting in ModelConfig.settings {
            guard let value = setting.value(in: config) else { continue }
            let defaultText = setting.value(in: defaults).map { "default " + $0 } ?? "no default"
            let comment = "# \(defaultText) · \(setting.range.description) · used by \(Self.useName(setting.use))"
            let parts = setting.key.split(separator: ".", maxSplits: 1).map(String.init)
            let key = parts.count == 2 ? parts[1] : parts[0]
            let assignment = "\(key) = \(tomlValue(value, range: setting.range))"
            let line = assignment.padding(toLength: max(assignment.count, 36), withPad: " ", startingAt: 0) + " " + comment
            if parts.count == 2 {
                if let index = tables.firstIndex(where: { $0.name == parts[0] }) {
                    tables[index].lines.append(line)
                } else {
                    tables.append((parts[0], [line]))
                }
            } else {
                top.append(line)
            }
        }
        var out = header.map { "# " + $0 }
        out.append("# tiers: " + config.tiers.map(\.name).joined(separator: ", ") + " (the half-life and features.<tier> keys refer to them)")
        out.append("")
        out += top
        for table in tables {
            out.append("")
            out.append("[\(table.name)]")
            out += table.lines
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// "all", "explore" or "none": the docs' "used by" column.
    public static func useName(_ use: ModelSetting.Use) -> String {
        switch use {
        case .learning: return "all"
        case .slates: return "explore"
        case .shownSlates: return "none (library)"
        }
    }

    /// A value as TOML: numbers and true/false bare, words quoted, a seed beyond Int64 quoted.
    static func tomlValue(_ text: String, range: SettingRange) -> String {
        switch range {
        case .real, .whole: return text
        case .unsigned: return Int64(text) != nil ? text : "\"\(text)\""
        case .choice(let words) where words == ["true", "false"]: return text
        case .choice, .exploration: return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
    }
}
