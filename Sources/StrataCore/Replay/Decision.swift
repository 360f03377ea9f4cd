/// One accept/reject made in the explorer, at a stream position (the number of events learned
/// when it was made). Replaying decisions at their positions reproduces a session exactly.
public struct ReplayDecision: Hashable, Sendable, Codable {
    public var position: Int
    public var user: UserIndex
    public var item: ItemIndex
    public var accepted: Bool
    /// Which model of an A/B pair learns it (`.both` without a comparison).
    public var side: DecisionSide

    public init(position: Int, user: UserIndex, item: ItemIndex, accepted: Bool, side: DecisionSide = .both) {
        self.position = position
        self.user = user
        self.item = item
        self.accepted = accepted
        self.side = side
    }

    enum CodingKeys: String, CodingKey { case position, user, item, accepted, side }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        position = try container.decode(Int.self, forKey: .position)
        user = try container.decode(UserIndex.self, forKey: .user)
        item = try container.decode(ItemIndex.self, forKey: .item)
        accepted = try container.decode(Bool.self, forKey: .accepted)
        side = try container.decodeIfPresent(DecisionSide.self, forKey: .side) ?? .both
    }

    /// Whether model A (the primary) learns it.
    public var reachesA: Bool { side != .b }
    /// Whether model B (the comparison) learns it.
    public var reachesB: Bool { side != .a }
}

/// Which model of an A/B pair a decision goes to (`explore --compare`, key `=`).
public enum DecisionSide: String, Hashable, Sendable, Codable, CaseIterable {
    case both, a, b

    /// The next choice of the `=` key: both → A → B → both.
    public var next: DecisionSide {
        switch self {
        case .both: return .a
        case .a: return .b
        case .b: return .both
        }
    }
}
