/// A human (or autopilot) accept/reject on a recommended item, made when the model had seen
/// `position` stream events (SPEC §7). Decisions are replayed at their position, in order.
public struct ReplayDecision: Hashable, Sendable, Codable {
    public var position: Int
    public var user: UserIndex
    public var item: ItemIndex
    public var accepted: Bool

    public init(position: Int, user: UserIndex, item: ItemIndex, accepted: Bool) {
        self.position = position
        self.user = user
        self.item = item
        self.accepted = accepted
    }
}
