import Foundation
import StrataCore
import TOMLKit

/// A model configuration read from a file (`--config FILE`, Docs/research.md design note 1):
/// either a TOML file of settings (`strata config show` writes one), or any output of Strata
/// that records the configuration it was made with — an eval line, a replay report, an export
/// or trace (CSV or JSONL), an SVG chart, or a session — so that `--config` of a result
/// reproduces the run that made it.
///
/// Every entry goes through the same checks as `--set` (`ModelConfig.settings`): a bad value
/// names the file, the line, the key and its allowed range; an unknown key is refused with the
/// nearest known one.
public struct ConfigFile: Sendable {
    /// One `key = value` of the file, with the line it came from when known.
    public struct Entry: Sendable, Hashable {
        public var key: String
        /// The value as `--set` takes it (`20`, `0.85`, `true`, `thompson`).
        public var value: String
        public var line: Int?
    }

    public enum Kind: String, Sendable {
        /// A TOML file of settings.
        case toml
        /// The `config` record of an output of Strata (eval, replay, export, trace, plot).
        case record
        /// The configuration stored in a session.
        case session
    }

    public let path: String
    public let kind: Kind
    /// In the order of `ModelConfig.settings` (unknown keys last, in file order).
    public let entries: [Entry]

    /// Files larger than this are not configs (an eval output of every model is a few KB).
    public static let maximumBytes = 64 << 20

    /// Reads and parses `path`; values are not checked yet (`apply(to:)` checks them).
    public static func load(path: String) throws(ConfigFileError) -> ConfigFile {
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.readAll(path, limit: maximumBytes)
        } catch {
            throw ConfigFileError(path: path, line: nil, message: error.message)
        }
        if bytes.starts(with: Array("SQLite format 3".utf8)) {
            return try session(path: path)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigFileError(path: path, line: nil, message: "not UTF-8 text")
        }
        let trimmed = text.drop { $0.isWhitespace }
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("# config: ") || trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<svg") {
            return try record(path: path, text: text)
        }
        return try toml(path: path, text: text)
    }

    /// The settings applied, in table order, on top of `base`, each checked against its range;
    /// then the whole configuration validated (cross-key rules such as the rating thresholds).
    public func apply(to base: ModelConfig) throws(ConfigFileError) -> ModelConfig {
        var config = base
        // Unknown keys first: a misspelt key is the likeliest mistake and says most.
        for entry in entries where ModelConfig.setting(entry.key) == nil {
            throw error(entry.line, "unknown setting \(InputText.quoted(entry.key))" + Self.suggestion(for: entry.key)
                        + " (every key: `strata config show`)")
        }
        for entry in entries {
            guard let setting = ModelConfig.setting(entry.key) else { continue }
            do {
                try setting.apply(entry.value, to: &config)
            } catch {
                throw self.error(entry.line, "\(error)")
            }
        }
        do {
            return try config.validated()
        } catch {
            throw self.error(entries.first { $0.key == error.key }?.line, "\(error)")
        }
    }

    func error(_ line: Int?, _ message: String) -> ConfigFileError {
        ConfigFileError(path: path, line: line, message: message)
    }

    /// `; did you mean 'cooccurrence_window'?` for a key within a few edits of a known one.
    static func suggestion(for key: String) -> String {
        let lowered = key.lowercased()
        var best: (key: String, distance: Int)?
        for known in ModelConfig.settingKeys {
            let distance = editDistance(lowered, known)
            if distance < (best?.distance ?? Int.max) { best = (known, distance) }
        }
        guard let best, best.distance <= max(2, key.count / 3) else { return "" }
        return "; did you mean '\(best.key)'?"
    }

    /// Levenshtein distance, O(|a|·|b|).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            if !b.isEmpty {
                for j in 1...b.count {
                    current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                }
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Entries sorted in the order of the settings table, unknown keys after, in file order.
    static func ordered(_ entries: [Entry]) -> [Entry] {
        let rank = Dictionary(uniqueKeysWithValues: ModelConfig.settingKeys.enumerated().map { ($1, $0) })
        return entries.enumerated().sorted { lhs, rhs in
            let l = rank[lhs.element.key] ?? Int.max, r = rank[rhs.element.key] ?? Int.max
            return l != r ? l < r : lhs.offset < rhs.offset
        }.map(\.element)
    }
}

/// A config file refused: `path:line: message` (the line when it is known).
public struct ConfigFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String

    public var description: String {
        InputText.sanitized("\(InputText.escaped(path))\(line.map { ":\($0)" } ?? ""): \(message)")
    }
}

// MARK: - TOML

extension ConfigFile {
    static func toml(path: String, text: String) throws(ConfigFileError) -> ConfigFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigFileError(path: path, line: error.source.begin.line,
                                  message: "not valid TOML (column \(error.source.begin.column)): \(InputText.escaped(error.description, limit: 120))")
        } catch {
            throw ConfigFileError(path: path, line: nil, message: "not valid TOML")
        }
        let lines = keyLines(text)
        var entries: [Entry] = []
        try flatten(table, prefix: "", path: path, lines: lines, into: &entries)
        return ConfigFile(path: path, kind: .toml, entries: ordered(entries))
    }

    /// Tables become dotted keys: `[features] cooccurrence = false` is `features.cooccurrence`.
    private static func flatten(_ table: TOMLTable, prefix: String, path: String, lines: [String: Int],
                                into entries: inout [Entry]) throws(ConfigFileError) {
        for key in table.keys {
            let full = prefix + key
            guard let value = table[key] else { continue }
            let line = lines[full]
            if let nested = value.table {
                try flatten(nested, prefix: full + ".", path: path, lines: lines, into: &entries)
                continue
            }
            let text: String
            switch value.type {
            case .bool: text = (value.bool ?? false) ? "true" : "false"
            case .int: text = String(value.int ?? 0)
            case .double: text = SettingRange.text(value.double ?? .nan)
            case .string: text = value.string ?? ""
            default:
                throw ConfigFileError(path: path, line: line,
                                      message: "\(InputText.quoted(full)): expected a number, true/false or a string, found \(value.type)")
            }
            entries.append(Entry(key: full, value: text, line: line))
        }
    }

    /// The line of each key's assignment: `key = …` under the latest `[table]` header, keys
    /// dotted and unquoted. A best effort for messages; TOMLKit parses the values.
    static func keyLines(_ text: String) -> [String: Int] {
        var lines: [String: Int] = [:]
        var table = ""
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") && !line.hasPrefix("[[") {
                if let close = line.firstIndex(of: "]") {
                    table = normalisedKey(line[line.index(after: line.startIndex)..<close]) + "."
                }
                continue
            }
            guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
            let key = table + normalisedKey(line[..<equals])
            if lines[key] == nil { lines[key] = index + 1 }
        }
        return lines
    }

    private static func normalisedKey(_ text: Substring) -> String {
        text.split(separator: ".").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }.joined(separator: ".")
    }
}

// MARK: - Outputs that record their config

extension ConfigFile {
    /// The first `config` record in the file: a JSON line (`config` key of an eval line or of
    /// a trace's first line), a whole JSON report (replay), a CSV trace's `# config:` line, or
    /// an SVG chart's `<metadata class="config">`. An eval output's first record is the strata
    /// model's (baselines record no settings).
    static func record(path: String, text: String) throws(ConfigFileError) -> ConfigFile {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            var json: String?
            if line.hasPrefix("# config: ") { json = String(line.dropFirst("# config: ".count)) }
            if line.hasPrefix("{") { json = line }
            if line.hasPrefix("<metadata class=\"config\">"), line.hasSuffix("</metadata>") {
                json = unescapeXML(String(line.dropFirst("<metadata class=\"config\">".count).dropLast("</metadata>".count)))
            }
            guard let json, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { continue }
            let record = (object["config"] as? [String: Any]) ?? (line.hasPrefix("<metadata") || line.hasPrefix("# config") ? object : nil)
            if let record, record["seed"] != nil { return try fromRecord(record, path: path, line: index + 1) }
        }
        // A pretty-printed report (replay --headless) spans many lines: read it whole.
        if let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
           let record = object["config"] as? [String: Any], record["seed"] != nil {
            let line = lines.firstIndex { $0.contains("\"config\"") }.map { $0 + 1 }
            return try fromRecord(record, path: path, line: line)
        }
        throw ConfigFileError(path: path, line: nil,
                              message: "records no model configuration (expected TOML settings, or an output of strata: an eval line, a replay report, an export, a trace, a chart or a session)")
    }

    static func fromRecord(_ record: [String: Any], path: String, line: Int?) throws(ConfigFileError) -> ConfigFile {
        var entries: [Entry] = []
        for (key, value) in record {
            guard let text = value as? String else {
                throw ConfigFileError(path: path, line: line, message: "config entry \(InputText.quoted(key)) is not a string")
            }
            if key == "tiers" {
                let standard = ModelConfig().tiers.map(\.name).joined(separator: ",")
                guard text == standard else {
                    throw ConfigFileError(path: path, line: line,
                                          message: "tiers \(InputText.quoted(text)): --config sets the tiers \(standard) only")
                }
                continue
            }
            entries.append(Entry(key: key, value: text, line: line))
        }
        entries.sort { $0.key < $1.key }
        return ConfigFile(path: path, kind: .record, entries: ordered(entries))
    }

    static func session(path: String) throws(ConfigFileError) -> ConfigFile {
        let summary: SessionSummary
        do {
            summary = try SessionStore.inspect(path)
        } catch {
            throw ConfigFileError(path: path, line: nil, message: "\(error)")
        }
        guard let decoded = try? JSONDecoder().decode(ModelConfig.self, from: Data(summary.header.config.utf8)) else {
            throw ConfigFileError(path: path, line: nil, message: "the session's stored config is not a model config")
        }
        let file = try fromRecord(decoded.settingsRecord, path: path, line: nil)
        return ConfigFile(path: path, kind: .session, entries: file.entries)
    }

    static func unescapeXML(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
