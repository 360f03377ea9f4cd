/// A drift alert (SPEC §3): the user's short-term top-level interests no longer resemble the
/// long-term ones. Names the top-level nodes that rose and fell most (short − long share).
public struct DriftAlert: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Short-vs-long cosine fell below the threshold.
        case interestShift
        /// The drift condition cleared (cosine back above the threshold).
        case cleared
        /// Page–Hinkley on the learner's log-loss: the learner is being surprised.
        case learnerSurprise
    }

    public var kind: Kind
    public var position: Int
    public var time: Int64
    public var user: UserIndex
    /// The user's own event count when the alert was raised (drift-detection delay is
    /// measured in these units, Docs/model.md §13).
    public var userEvent: Int
    /// The short-vs-long cosine (interest alerts) or the Page–Hinkley statistic.
    public var score: Double
    public var rose: [NodeIndex]
    public var fell: [NodeIndex]

    public init(kind: Kind, position: Int, time: Int64, user: UserIndex, userEvent: Int = 0, score: Double, rose: [NodeIndex] = [], fell: [NodeIndex] = []) {
        self.kind = kind
        self.position = position
        self.time = time
        self.user = user
        self.userEvent = userEvent
        self.score = score
        self.rose = rose
        self.fell = fell
    }
}
