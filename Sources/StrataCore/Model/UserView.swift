/// What code outside the core reads about one user — panes, reports, traces, plots — as a
/// read-only view of the model's state for that user, so no caller reaches into the internals
/// of `UserState` (its sparse interest arrays, label tracker, drift monitor). Made in O(1)
/// (`StrataModel.view(of:)`); a user the model has not met reads as an empty one.
public struct UserView: Sendable {
    private let state: UserState?

    init(_ state: UserState?) { self.state = state }

    /// Whether the model has met this user (had an event or decision of theirs, or was made
    /// with room for them).
    public var exists: Bool { state != nil }
    /// Events and decisions this user has produced (the `.events` clock).
    public var events: Int { Int(state?.interest.eventCount ?? 0) }
    /// The node's tier label now (dormant for an untouched node or an unknown user).
    public func label(of node: NodeIndex) -> InterestLabel { state?.tracker.label(of: node) ?? .dormant }
    /// The short-vs-long cosine of the drift monitor's last update (1 before the first).
    public var driftCosine: Double { state?.drift.lastCosine ?? 1 }
    /// Whether the drift monitor is in an interest shift.
    public var inDrift: Bool { state?.drift.inDrift ?? false }
    /// The k-means segment, −1 before the first refresh.
    public var segment: Int { state?.segment ?? -1 }
    /// Items the user has had, ascending.
    public var seen: [Int32] { state?.seen ?? [] }
    public func hasSeen(_ item: ItemIndex) -> Bool { state?.hasSeen(item) ?? false }
    /// The latest positives in stream order.
    public var recentPositives: [ItemIndex] { state?.positives ?? [] }
    /// Bytes of the per-user interest state: strengths and labels of the touched nodes.
    public var interestBytes: Int { (state?.interest.storedBytes ?? 0) + (state?.tracker.storedBytes ?? 0) }
}

extension StrataModel {
    /// The read-only view of `user` (Model/UserView.swift).
    public func view(of user: UserIndex) -> UserView { UserView(user >= 0 && user < users.count ? users[user] : nil) }

    /// Bytes of every user's interest state (strengths and labels of touched nodes), for the
    /// memory figures. O(users).
    public var interestStateBytes: Int { users.reduce(0) { $0 + $1.interest.storedBytes + $1.tracker.storedBytes } }
}
