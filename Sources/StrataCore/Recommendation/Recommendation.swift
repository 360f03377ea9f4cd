/// One recommended item with its score and why (SPEC §4).
public struct Recommendation: Hashable, Sendable {
    public var item: ItemIndex
    /// The margin `w · x`.
    public var score: Double
    /// `P(accept) = σ(w · x)`.
    public var probability: Double
    /// `w_k · x_k` for every feature k (the details view lists them all).
    public var contributions: [Double]
    /// The three largest positive contributions, as data.
    public var explanation: [Reason]
    /// The same in words.
    public var reasons: [String] { explanation.map(\.text) }

    public init(item: ItemIndex, score: Double, probability: Double, contributions: [Double], explanation: [Reason]) {
        self.item = item
        self.score = score
        self.probability = probability
        self.contributions = contributions
        self.explanation = explanation
    }
}
