/// The signed gain `g(a)` of each action (SPEC §2, Docs/model.md §2). Configurable.
public struct ActionGains: Hashable, Sendable, Codable {
    public var view: Double = 0.25
    public var click: Double = 0.5
    public var cart: Double = 1.0
    public var favourite: Double = 1.5
    public var purchase: Double = 2.0
    public var skip: Double = -0.25
    public var dislike: Double = -1.0
    public var accept: Double = 1.0
    public var reject: Double = -1.0
    /// Ratings at or above this are positive and gain `ratingHigh`.
    public var positiveRating: Double = 4.0
    public var ratingHigh: Double = 1.0
    /// Ratings at or below this gain `ratingLow`.
    public var negativeRating: Double = 2.0
    public var ratingLow: Double = -0.5
    /// Ratings strictly between the two thresholds (a watched, lukewarm title).
    public var ratingMiddle: Double = 0.25

    public init() {}

    public static let standard = ActionGains()

    @inline(__always)
    public func gain(for action: Action, value: Double?) -> Double {
        switch action {
        case .view: return view
        case .click: return click
        case .cart: return cart
        case .favourite: return favourite
        case .purchase: return purchase
        case .skip: return skip
        case .dislike: return dislike
        case .accept: return accept
        case .reject: return reject
        case .rate:
            guard let rating = value else { return ratingMiddle }
            if rating >= positiveRating { return ratingHigh }
            if rating <= negativeRating { return ratingLow }
            return ratingMiddle
        }
    }

    /// An event is a *positive* (the user took the item and liked it) when it is an explicit
    /// accept, a purchase-like action, or a rating at or above `positiveRating`.
    @inline(__always)
    public func isPositive(_ action: Action, value: Double?) -> Bool {
        switch action {
        case .rate: return (value ?? 0) >= positiveRating
        case .skip, .dislike, .reject, .view: return false
        case .click, .cart, .favourite, .purchase, .accept: return true
        }
    }
}
