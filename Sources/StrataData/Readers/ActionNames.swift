import StrataCore

/// Action names in event logs, matched case-insensitively. Besides the `Action` names
/// themselves, the usual spellings of public logs are accepted (Docs/datasets.md lists them).
enum ActionNames {
    static let synonyms: [String: Action] = {
        var table: [String: Action] = [:]
        for action in Action.allCases { table[action.rawValue] = action }
        let extra: [(String, Action)] = [
            ("pv", .view), ("pageview", .view), ("page_view", .view), ("detail", .view),
            ("clk", .click),
            ("addtocart", .cart), ("add_to_cart", .cart), ("add-to-cart", .cart),
            ("fav", .favourite), ("favorite", .favourite), ("like", .favourite), ("wishlist", .favourite),
            ("buy", .purchase), ("order", .purchase), ("transaction", .purchase),
            ("rating", .rate),
        ]
        for (name, action) in extra { table[name] = action }
        return table
    }()

    static func action(named name: String) -> Action? {
        synonyms[name.trimmingBlanks.lowercased()]
    }

    /// `action(named:)` of a field's bytes without making a `String`: an ASCII name of up to
    /// 16 bytes (every name above) is trimmed, lowercased and compared as two words; anything
    /// else goes through `action(named:)`, so the answer is the same.
    static func action(named bytes: UnsafeBufferPointer<UInt8>) -> Action? {
        var start = 0
        var end = bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        guard end - start <= 16 else { return action(named: String(decoding: bytes, as: UTF8.self)) }
        var words: (UInt64, UInt64) = (0, 0)
        for offset in 0..<(end - start) {
            var byte = bytes[start + offset]
            guard byte < 0x80 else { return action(named: String(decoding: bytes, as: UTF8.self)) }
            if byte &- 0x41 < 26 { byte |= 0x20 }
            if offset < 8 { words.0 |= UInt64(byte) << UInt64(8 * offset) } else { words.1 |= UInt64(byte) << UInt64(8 * (offset - 8)) }
        }
        let length = end - start
        for entry in packedNames where entry.length == length && entry.words == words { return entry.action }
        return nil
    }

    /// Every name of `synonyms` as (length, two little-endian words, action), common names first.
    private static let packedNames: [(length: Int, words: (UInt64, UInt64), action: Action)] = {
        let common = ["pv", "view", "click", "cart", "fav", "buy", "rate", "purchase", "favourite"]
        let names = common.filter { synonyms[$0] != nil } + synonyms.keys.sorted().filter { !common.contains($0) }
        return names.compactMap { name in
            let bytes = Array(name.utf8)
            guard bytes.count <= 16, let action = synonyms[name] else { return nil }
            var words: (UInt64, UInt64) = (0, 0)
            for (offset, byte) in bytes.enumerated() {
                if offset < 8 { words.0 |= UInt64(byte) << UInt64(8 * offset) } else { words.1 |= UInt64(byte) << UInt64(8 * (offset - 8)) }
            }
            return (bytes.count, words, action)
        }
    }()

    /// The error for an unknown name, listing what is accepted.
    static func unknown(_ name: String, field: String, at fields: LineFields) -> DatasetError {
        fields.error(field, .unknownAction,
                     "unknown action \(DatasetError.quoted(name)); expected one of "
                     + Action.allCases.map(\.rawValue).joined(separator: ", ") + " (or a synonym such as pv, buy, fav)")
    }
}
