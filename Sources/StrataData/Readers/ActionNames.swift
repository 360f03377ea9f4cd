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

    /// The error for an unknown name, listing what is accepted.
    static func unknown(_ name: String, field: String, at fields: LineFields) -> DatasetError {
        fields.error(field, .unknownAction,
                     "unknown action \(DatasetError.quoted(name)); expected one of "
                     + Action.allCases.map(\.rawValue).joined(separator: ", ") + " (or a synonym such as pv, buy, fav)")
    }
}
