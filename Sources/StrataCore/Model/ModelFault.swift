/// The first non-finite number the model produced, located (Docs/model.md §14 "Finite
/// values"). Every decayed quantity is renormalised so this never happens; if it still does,
/// outputs refuse to print numbers from that point on and name this place instead of writing
/// NaN or empty cells.
public struct ModelFault: Hashable, Sendable, CustomStringConvertible {
    /// Stream position of the event being learned.
    public var position: Int
    public var user: UserIndex
    public var item: ItemIndex
    /// What was not finite, e.g. "feature content.long" or "prediction".
    public var quantity: String
    public var value: Double

    public var description: String {
        "internal error: non-finite \(quantity) (\(value)) at stream position \(position), user index \(user), item index \(item)"
    }
}

extension StrataModel {
    /// Records the first non-finite feature or prediction of an example (cheap: one pass over
    /// a vector of a few dozen entries).
    mutating func checkFinite(features x: [Double], prediction p: Double, user: UserIndex, item: ItemIndex) {
        guard fault == nil else { return }
        for k in x.indices where !x[k].isFinite {
            fault = ModelFault(position: position, user: user, item: item, quantity: "feature \(layout.name(of: k, tiers: tiers))", value: x[k])
            return
        }
        if !p.isFinite {
            fault = ModelFault(position: position, user: user, item: item, quantity: "prediction", value: p)
        }
    }
}
