import Testing
import StrataTestSupport
@testable import StrataCore

/// The settings table (issue 8 items 7 and 8): every key changes the recorded config, every
/// field of `ModelConfig` has a key, and every key refuses values outside its range with a
/// message naming the key, the value and the range.
@Suite("ModelConfigSettingsTests")
struct ModelConfigSettingsTests {
    static let keys = ModelConfig.settingKeys

    /// Values worth trying for a setting other than its default: its bounds, then values
    /// inside them.
    static func candidates(_ setting: ModelSetting) -> [String] {
        switch setting.range {
        case .real(let lower, let upper, let open):
            return [upper, open ? (lower + upper) / 2 : lower, (lower + upper) / 2, upper / 2].map(SettingRange.text)
        case .whole(let range):
            return [range.upperBound, range.lowerBound, (range.lowerBound + range.upperBound) / 2].map(String.init)
        case .unsigned: return ["7", String(UInt64.max)]
        case .choice(let words): return words
        case .exploration: return ["thompson", "epsilon:0.25", "none"]
        }
    }

    /// Flattened stored properties of a value, path → description, enums as leaves.
    static func leaves(_ value: Any, path: String = "") -> [String: String] {
        let mirror = Mirror(reflecting: value)
        if mirror.children.isEmpty || mirror.displayStyle == .enum { return [path: String(describing: value)] }
        var result: [String: String] = [:]
        for (offset, child) in mirror.children.enumerated() {
            result.merge(leaves(child.value, path: path + "." + (child.label ?? String(offset)))) { a, _ in a }
        }
        return result
    }

    @Test("every --set key changes the recorded config, at that key only", arguments: keys)
    func everyKeyIsRecorded(key: String) throws {
        let setting = try #require(ModelConfig.setting(key))
        let standard = ModelConfig.standard
        let before = standard.settingsRecord
        let value = try #require(Self.candidates(setting).first { text in
            text != setting.value(in: standard) && (try? standard.applying(["\(key)=\(text)"])) != nil
        }, "no in-range value other than the default for \(key)")
        let changed = try standard.applying(["\(key)=\(value)"])
        #expect(changed != standard)
        let after = changed.settingsRecord
        #expect(after[key] == value)
        #expect(Set(after.keys) == Set(before.keys))
        #expect(after.filter { before[$0.key] != $0.value }.map(\.key) == [key])
        // The record rebuilds the config: every entry as --set on the defaults.
        let rebuilt = try ModelConfig.standard.applying(after.filter { $0.key != "tiers" }.map { "\($0.key)=\($0.value)" })
        #expect(rebuilt == changed)
    }

    @Test("every field of ModelConfig is reached by a key, so the record is the whole config")
    func everyFieldHasAKey() throws {
        let standard = Self.leaves(ModelConfig.standard)
        var reached = Set<String>()
        for setting in ModelConfig.settings {
            for value in Self.candidates(setting) {
                guard let changed = try? ModelConfig.standard.applying(["\(setting.key)=\(value)"]) else { continue }
                for (path, text) in Self.leaves(changed) where standard[path] != text { reached.insert(path) }
            }
        }
        // Tier names are not settings: the record lists them under "tiers".
        let fields = Set(standard.keys.filter { !$0.hasSuffix(".name") })
        // An optional field (`features`, nil by default) is reached through the fields it gains.
        let unreached = fields.subtracting(reached).filter { field in !reached.contains { $0.hasPrefix(field + ".") } }
        #expect(unreached.sorted() == [], "fields no key reaches")
        #expect(ModelConfig.standard.settingsRecord["tiers"] == "short,medium,long")
    }

    /// Values just outside each range, and malformed ones.
    static func outOfRange(_ range: SettingRange) -> [String] {
        switch range {
        case .real(let lower, let upper, let open):
            return [SettingRange.text(open ? lower : lower - 1), SettingRange.text(upper * 2 + 1), "nan", "inf", "x"]
        case .whole(let range):
            return [String(range.lowerBound - 1), String(range.upperBound + 1), "1e9", "2.5"]
        case .unsigned: return ["-1", "18446744073709551616", "1.0"]
        case .choice: return ["sometimes", ""]
        case .exploration: return ["epsilon:1.5", "epsilon:-0.1", "greedy", "epsilon:"]
        }
    }

    @Test("every key refuses values outside its range, naming key, value and range", arguments: keys)
    func everyKeyIsBounded(key: String) throws {
        let setting = try #require(ModelConfig.setting(key))
        for value in Self.outOfRange(setting.range) {
            let error = #expect(throws: ModelConfigError.self) { try ModelConfig.standard.applying(["\(key)=\(value)"]) }
            #expect(error?.key == key)
            #expect(error?.description.hasPrefix("\(key)=\(value):") == true, "\(String(describing: error))")
            #expect(error?.description.hasSuffix("allowed: \(setting.range.description)") == true, "\(String(describing: error))")
        }
        // The bounds themselves are allowed (an open lower bound is not).
        if case .real(let lower, let upper, let open) = setting.range {
            if !open, key != "positive_rating" { #expect(throws: Never.self) { try ModelConfig.standard.applying(["\(key)=\(SettingRange.text(lower))"]) } }
            if key != "negative_rating" { #expect(throws: Never.self) { try ModelConfig.standard.applying(["\(key)=\(SettingRange.text(upper))"]) } }
        }
        if case .whole(let range) = setting.range {
            for bound in [range.lowerBound, range.upperBound] {
                #expect(throws: Never.self) { try ModelConfig.standard.applying(["\(key)=\(bound)"]) }
            }
        }
    }

    @Test("the issue's reproducers are refused with the range")
    func reproducers() {
        let cases = [
            ("mmr_lambda=1.5", "mmr_lambda=1.5: out of range; allowed: a number from 0 to 1"),
            ("ftrl_l2=-1", "ftrl_l2=-1: out of range; allowed: a number from 0 to 100"),
            ("cooccurrence_recency=7", "cooccurrence_recency=7: out of range; allowed: a number from 0 to 1"),
            ("drift_threshold=2", "drift_threshold=2: out of range; allowed: a number from 0 to 1"),
            ("segments=1000000000", "segments=1000000000: out of range; allowed: a whole number from 1 to 64"),
            ("recent_positives=1e9", "recent_positives=1e9: not a whole number; allowed: a whole number from 0 to 100"),
            ("sampled_negatives=100000", "sampled_negatives=100000: out of range; allowed: a whole number from 0 to 100"),
        ]
        for (assignment, message) in cases {
            let error = #expect(throws: ModelConfigError.self) { try ModelConfig.standard.applying([assignment]) }
            #expect(error?.description == message)
        }
        #expect(throws: ModelConfigError.self) { try SettingRange.halfLife.check(0, key: "--half-life") }
    }

    @Test("control bytes in a value are shown escaped, never raw")
    func escapesControlBytes() {
        let error = #expect(throws: ModelConfigError.self) { try ModelConfig.standard.applying(["seed=\u{1B}]0;owned\u{07}"]) }
        let text = error?.description ?? ""
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 })
        #expect(text.hasPrefix(#"seed=\u{1B}]0;owned\u{7}: "#))
    }

    @Test("validated() checks a config built in code or decoded from a session")
    func validatesWholeConfigs() {
        var config = ModelConfig.standard
        #expect(throws: Never.self) { try config.validated() }
        config.mmrLambda = 1.5
        #expect((#expect(throws: ModelConfigError.self) { try config.validated() })?.key == "mmr_lambda")
        config = .standard
        config.tiers.append(TemporalTier(name: "decade", halfLife: 1e9))
        config.tiers[3].halfLife = 0.5  // a tier no key names
        #expect((#expect(throws: ModelConfigError.self) { try config.validated() })?.key == "decade_half_life")
        config = .standard
        config.gains.positiveRating = 1
        #expect((#expect(throws: ModelConfigError.self) { try config.validated() })?.key == "negative_rating")
        config = .standard
        config.tiers = []
        #expect((#expect(throws: ModelConfigError.self) { try config.validated() })?.key == "tiers")
    }

    @Test("the evaluation report records the whole config (ftrl_beta, segments, …)")
    func evaluationRecordsEverything() throws {
        let catalogue = try Scenario.demo.makeDataset().catalogue
        let config = try ModelConfig.standard.applying(["ftrl_beta=5", "segments=2"])
        let model = AdaptiveRankingModel(model: StrataModel(catalogue: catalogue, config: config, userCount: 2))
        #expect(model.configDescription == config.settingsRecord)
        #expect(model.configDescription["ftrl_beta"] == "5")
        #expect(model.configDescription["segments"] == "2")
    }
}

/// Docs/model.md lists every key with its default and range, exactly as the table has them.
@Suite("ModelConfigDocsTests")
struct ModelConfigDocsTests {
    static func row(_ setting: ModelSetting) -> String {
        let use: String
        switch setting.use {
        case .learning: use = "all"
        case .slates: use = "explore"
        case .shownSlates: use = "none (library)"
        }
        return "| `\(setting.key)` | `\(setting.value(in: .standard) ?? "")` | \(setting.range.description) | \(use) |"
    }

    @Test("every key appears in Docs/model.md with its default, range and users")
    func everyKeyIsDocumented() throws {
        let url = StrataBinary.packageRoot.appendingPathComponent("Docs/model.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let rows = text.split(separator: "\n").map(String.init)
        // A row may go on with a column saying what the key means.
        let missing = ModelConfig.settings.map(Self.row).filter { row in !rows.contains { $0.hasPrefix(row) } }
        #expect(missing.isEmpty, "Docs/model.md lacks these rows (or has them differently):\n\(missing.joined(separator: "\n"))")
    }
}
