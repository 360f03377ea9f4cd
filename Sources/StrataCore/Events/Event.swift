/// One behaviour event in a stream (SPEC §2). `time` is stream time (seconds for real data,
/// the step number for simulations); `value` carries a rating for `.rate`.
public struct Event: Hashable, Sendable {
    public var time: Int64
    public var user: UserIndex
    public var item: ItemIndex
    public var action: Action
    public var value: Double?

    public init(time: Int64, user: UserIndex, item: ItemIndex, action: Action, value: Double? = nil) {
        self.time = time
        self.user = user
        self.item = item
        self.action = action
        self.value = value
    }
}
