/// One evaluated positive and its rank among the user's candidates (EVALUATION.md step 4).
public struct EvaluatedPositive: Hashable, Sendable {
    /// 0-based index of the event in stream order.
    public var position: Int
    /// k: the number of positives before this one in the stream.
    public var positiveNumber: Int
    public var user: UserIndex
    public var item: ItemIndex
    /// 1-based rank of `item` (1 = first).
    public var rank: Int

    public init(position: Int, positiveNumber: Int, user: UserIndex, item: ItemIndex, rank: Int) {
        self.position = position
        self.positiveNumber = positiveNumber
        self.user = user
        self.item = item
        self.rank = rank
    }
}
