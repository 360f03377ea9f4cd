/// What the prequential protocol counts as a positive, and whether a positive the user already
/// had is evaluated (issue 12 item 7; Docs/evaluation.md "Positives and repeats").
///
/// The default is EVALUATION.md's: a rating ≥ `positive_rating`, or a click, cart, favourite,
/// purchase or accept (`ActionGains.isPositive`), and repeats skipped. On an e-commerce log a
/// researcher may count only purchases (`--positives purchase`) or evaluate repeated purchases
/// too (`--repeats allow`).
public struct PositiveRule: Hashable, Sendable {
    /// Actions that are positives; `.rate` means a rating ≥ `positive_rating`.
    public var actions: Set<Action>
    public var repeats: RepeatPolicy

    /// The actions `ActionGains.isPositive` accepts (for `.rate`: at or above the threshold).
    public static let standardActions: Set<Action> = [.rate, .click, .cart, .favourite, .purchase, .accept]
    /// Actions that can never be positives: they say the user did not take or did not like it.
    public static let negativeActions: Set<Action> = [.view, .skip, .dislike, .reject]

    public static let standard = PositiveRule(actions: standardActions, repeats: .skip)

    public init(actions: Set<Action> = standardActions, repeats: RepeatPolicy = .skip) {
        self.actions = actions
        self.repeats = repeats
    }

    @inline(__always)
    public func isPositive(_ action: Action, value: Double?, gains: ActionGains) -> Bool {
        actions.contains(action) && (action != .rate || (value ?? 0) >= gains.positiveRating)
    }

    /// The actions in a fixed order, for reports (`positive_actions`).
    public var actionNames: [String] { Action.allCases.filter(actions.contains).map(\.rawValue) }

    /// Parses `purchase,cart` (names of `Action`; `view`, `skip`, `dislike`, `reject` refused).
    public static func parseActions(_ text: String) throws(PositiveRuleError) -> Set<Action> {
        var actions: Set<Action> = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = String(part.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
            guard let action = Action(rawValue: name), !negativeActions.contains(action) else {
                throw .unknownAction(name)
            }
            actions.insert(action)
        }
        return actions
    }
}

/// Whether a positive whose item the user already had is evaluated.
public enum RepeatPolicy: String, Hashable, Sendable, CaseIterable {
    /// Not evaluated: the candidates are the items the user has not had (EVALUATION.md), so the
    /// target is not among them; counted in `skipped_repeats`.
    case skip
    /// Evaluated: every positive is ranked against the whole catalogue (seen items included),
    /// so re-buying and re-watching can be hits; counted in `evaluated_repeats`.
    case allow
}

public enum PositiveRuleError: Error, CustomStringConvertible, Equatable, Sendable {
    case unknownAction(String)

    public var description: String {
        switch self {
        case .unknownAction(let name):
            let allowed = Action.allCases.filter { !PositiveRule.negativeActions.contains($0) }.map(\.rawValue)
            return "--positives: \(InputText.quoted(name)) is not a positive action; allowed: \(allowed.joined(separator: ", ")) (comma-separated)"
        }
    }
}
