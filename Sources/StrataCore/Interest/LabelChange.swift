/// A node's tier label changed (SPEC §3): listed by the UI, written by the exporters.
public struct LabelChange: Hashable, Sendable, Codable {
    /// Stream position of the event that completed the hysteresis.
    public var position: Int
    public var time: Int64
    public var user: UserIndex
    public var node: NodeIndex
    public var from: InterestLabel
    public var to: InterestLabel

    public init(position: Int, time: Int64, user: UserIndex, node: NodeIndex, from: InterestLabel, to: InterestLabel) {
        self.position = position
        self.time = time
        self.user = user
        self.node = node
        self.from = from
        self.to = to
    }
}
