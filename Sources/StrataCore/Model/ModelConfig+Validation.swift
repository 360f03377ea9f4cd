/// Range checks of every setting (issue 8): one table, `ModelConfig.settings`, says what each
/// key accepts; `--set`, session configs read back and other command-line options all check
/// through `SettingRange`, so a bad value is refused with its key, its value and the range
/// before it can crash or stall the model (a 24 GB allocation, a division by zero).
extension ModelConfig {
    /// The config itself when every setting is in range; otherwise the first problem, naming
    /// the key, the value and the allowed range. O(settings + tiers).
    public func validated() throws(ModelConfigError) -> ModelConfig {
        guard (1...8).contains(tiers.count) else {
            throw ModelConfigError(key: "tiers", value: String(tiers.count), allowed: "1 to 8 temporal tiers", reason: "wrong number of tiers")
        }
        var names = Set<String>()
        for tier in tiers {
            guard !tier.name.isEmpty, names.insert(tier.name).inserted else {
                throw ModelConfigError(key: "tiers", value: tier.name, allowed: "distinct, non-empty tier names", reason: "bad tier name")
            }
            // Tiers the keys below do not reach (a fourth tier, say) are checked here.
            try SettingRange.halfLife.check(tier.halfLife, key: "\(tier.name)_half_life")
        }
        for setting in Self.settings {
            guard let text = setting.render(self) else { continue }
            var probe = self
            try setting.assign(&probe, text)
        }
        try checkFeatureSwitches()
        guard gains.negativeRating < gains.positiveRating else {
            throw ModelConfigError(key: "negative_rating", value: SettingRange.text(gains.negativeRating),
                                   allowed: "below positive_rating (\(SettingRange.text(gains.positiveRating)))", reason: "out of range")
        }
        return self
    }
}

/// A setting refused: `key=value: reason; allowed: range`. The value is shown escaped, so
/// control bytes in a command line or a session file never reach the terminal.
public struct ModelConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    public var key: String
    public var value: String
    public var allowed: String
    public var reason: String

    public init(key: String, value: String, allowed: String, reason: String) {
        self.key = key
        self.value = value
        self.allowed = allowed
        self.reason = reason
    }

    public var description: String {
        "\(key)=\(SettingRange.shown(value)): \(reason); allowed: \(allowed)"
    }
}

/// What values one setting accepts. Bounds are chosen so the model stays finite and its cost
/// stays bounded (Docs/model.md "Configuration keys" gives the reason for each).
public enum SettingRange: Hashable, Sendable {
    /// A finite number in `lower...upper`, or in `lower<..upper` when `lowerOpen`.
    case real(Double, Double, lowerOpen: Bool)
    /// A whole number.
    case whole(ClosedRange<Int>)
    /// Any 64-bit unsigned whole number (the seed).
    case unsigned
    /// One of these words.
    case choice([String])
    /// `none`, `thompson` or `epsilon:<p>` with p from 0 to 1.
    case exploration

    /// Half-lives, in events or seconds: at least 1 (issue 1's finite-state guarantee).
    public static let halfLife = SettingRange.real(1, 1e12, lowerOpen: false)
    /// A share, weight or probability.
    public static let fraction = SettingRange.real(0, 1, lowerOpen: false)

    /// "a number from 0 to 1", "a whole number from 1 to 64", …
    public var description: String {
        switch self {
        case .real(let lower, let upper, let open):
            return open ? "a number greater than \(Self.text(lower)) and at most \(Self.text(upper))"
                : "a number from \(Self.text(lower)) to \(Self.text(upper))"
        case .whole(let range): return "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .unsigned: return "a whole number from 0 to \(UInt64.max)"
        case .choice(let words): return "one of " + words.joined(separator: ", ")
        case .exploration: return "none, thompson or epsilon:<p> with p from 0 to 1"
        }
    }

    /// Parses and range-checks a number.
    public func parseReal(_ text: String, key: String) throws(ModelConfigError) -> Double {
        guard let value = Double(text), value.isFinite else { throw problem(key, text, "not a finite number") }
        try check(value, key: key, text: text)
        return value
    }

    /// Range-checks a number given as a value (command-line options such as `eval --half-life`).
    public func check(_ value: Double, key: String, text: String? = nil) throws(ModelConfigError) {
        guard case .real(let lower, let upper, let open) = self else { throw problem(key, text ?? Self.text(value), "not a \(description)") }
        let aboveLower = open ? value > lower : value >= lower
        guard value.isFinite, aboveLower, value <= upper else { throw problem(key, text ?? Self.text(value), "out of range") }
    }

    /// Parses and range-checks a whole number ("1e9" is not one).
    public func parseWhole(_ text: String, key: String) throws(ModelConfigError) -> Int {
        guard case .whole(let range) = self else { throw problem(key, text, "not a \(description)") }
        guard let value = Int(text) else { throw problem(key, text, "not a whole number") }
        guard range.contains(value) else { throw problem(key, text, "out of range") }
        return value
    }

    public func parseUnsigned(_ text: String, key: String) throws(ModelConfigError) -> UInt64 {
        guard let value = UInt64(text) else { throw problem(key, text, "not an unsigned whole number") }
        return value
    }

    public func parseChoice(_ text: String, key: String) throws(ModelConfigError) -> String {
        guard case .choice(let words) = self, words.contains(text) else { throw problem(key, text, "not a known value") }
        return text
    }

    func problem(_ key: String, _ text: String, _ reason: String) -> ModelConfigError {
        ModelConfigError(key: key, value: text, allowed: description, reason: reason)
    }

    /// A number as the shortest text that reads back exactly, without a trailing ".0" for
    /// whole numbers (`0.85`, `3000`, `1e-05`).
    public static func text(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Text from a command line or a file, cut to 40 characters, with control characters
    /// and escape sequences written as `\u{1B}` so they cannot act on the terminal.
    public static func shown(_ text: String) -> String {
        var out = ""
        for (count, scalar) in text.unicodeScalars.enumerated() {
            if count == 40 { out += "…"; break }
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || scalar.properties.generalCategory == .format
            out += isControl ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : String(scalar)
        }
        return out
    }
}
