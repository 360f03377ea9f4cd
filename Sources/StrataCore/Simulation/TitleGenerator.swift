/// Deterministic, unique, screen-friendly titles from patterns and word lists
/// (Docs/scenarios.md §2). Draws only from its own PRNG stream.
struct TitleGenerator {
    static let builtIns: Set<String> = ["leaf", "top", "n"]
    private static let attempts = 24

    private var random: Xoshiro256StarStar
    private var used: Set<String> = []
    let maximumLength: Int

    init(seed: UInt64, maximumLength: Int) {
        random = SeedStream.titles.generator(seed: seed)
        self.maximumLength = maximumLength
    }

    /// The `{key}` placeholders of `pattern`, in order.
    static func placeholders(in pattern: String) -> [String] {
        var keys: [String] = []
        var current: String?
        for character in pattern {
            if character == "{" { current = "" } else if character == "}" {
                if let key = current { keys.append(key) }
                current = nil
            } else if current != nil { current?.append(character) }
        }
        return keys
    }

    /// Reserves an explicit title; returns false when it is already taken.
    mutating func reserve(_ title: String) -> Bool { used.insert(title).inserted }

    /// A new title for item `number` of a leaf. Redraws on a clash or an over-long title; after
    /// `attempts` draws adds a roman numeral ("… II") and finally falls back to "{leaf} {n}".
    mutating func title(patterns: [String], words: [String: [String]], leaf: String, top: String, number: Int) -> String {
        var candidate = ""
        for _ in 0..<Self.attempts {
            let pattern = patterns[random.nextIndex(below: patterns.count)]
            candidate = fill(pattern, words: words, leaf: leaf, top: top, number: number)
            if candidate.count <= maximumLength && used.insert(candidate).inserted { return candidate }
        }
        if candidate.count <= maximumLength - 5 {
            for numeral in ["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"] {
                let sequel = "\(candidate) \(numeral)"
                if used.insert(sequel).inserted { return sequel }
            }
        }
        var serial = number
        while true {
            let fallback = String("\(leaf) \(serial)".suffix(maximumLength))
            if used.insert(fallback).inserted { return fallback }
            serial += 1000
        }
    }

    private mutating func fill(_ pattern: String, words: [String: [String]], leaf: String, top: String, number: Int) -> String {
        var result = ""
        var key: String?
        for character in pattern {
            if character == "{" {
                key = ""
            } else if character == "}", let name = key {
                switch name {
                case "leaf": result += leaf
                case "top": result += top
                case "n": result += String(number)
                default:
                    if let list = words[name], !list.isEmpty { result += list[random.nextIndex(below: list.count)] }
                }
                key = nil
            } else if key != nil {
                key?.append(character)
            } else {
                result.append(character)
            }
        }
        // A pattern may start with a word like "the Arctic"; titles start with a capital.
        if let first = result.first, first.isLowercase { result = first.uppercased() + result.dropFirst() }
        return result
    }
}
