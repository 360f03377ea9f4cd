/// A user's decayed content profile for one temporal tier (Docs/model.md §7):
/// `P ← P · 2^(−Δ/h) + g · v_i`. Every entry decays by the same factor, so it is kept as
/// `stored · scale` and a decay only updates `scale`; cosine similarity is unaffected by it.
///
/// `stored = P / scale` grows as `scale` shrinks, and `normSquared` holds its square, so the
/// scale is folded back into the entries once it falls below 2⁻⁶⁴: entries then stay within
/// 2⁶⁴ of the true profile and their squares far from overflow, for any half-life and any
/// stream length (Docs/model.md §7 "Renormalisation").
public struct TextProfile: Sendable {
    /// Below this scale the entries are renormalised (2⁻⁶⁴: squares stay below ~2¹²⁸ × ‖P‖²).
    static let renormaliseBelow = 0x1.0p-64

    public private(set) var stored = IntKeyedMap<Double>()

    /// Bytes of its table (for the memory figures).
    public var storedBytes: Int { stored.storedBytes }
    public private(set) var scale = 1.0
    public private(set) var normSquared = 0.0
    private var lastClock = 0.0

    public init() {}

    mutating func add(gain: Double, item: ItemIndex, vectors: ItemVectors, clock: Double, decay: DecayTable) {
        scale *= decay.factor(clock - lastClock)
        lastClock = clock
        if scale < Self.renormaliseBelow { renormalise() }
        let amount = gain / scale
        for k in vectors.range(of: item) {
            let term = vectors.terms[k]
            let old = stored.value(term)
            let new = old + amount * vectors.weights[k]
            stored.set(term, new)
            normSquared += new * new - old * old
        }
        if normSquared < 0 { recomputeNorm() }
    }

    private mutating func renormalise() {
        stored.scaleAll(by: scale)
        recomputeNorm()
        scale = 1
    }

    private mutating func recomputeNorm() {
        var total = 0.0
        stored.forEach { _, value in total += value * value }
        normSquared = total
    }

    /// Cosine between the profile and a unit item vector.
    public func cosine(item: ItemIndex, vectors: ItemVectors) -> Double {
        guard normSquared > 1e-300 else { return 0 }
        var dot = 0.0
        for k in vectors.range(of: item) { dot += stored.value(vectors.terms[k]) * vectors.weights[k] }
        return dot / normSquared.squareRoot()
    }

    /// Adds `weight · stored / ‖stored‖` into `dense[offset + term]` (for scoring many items).
    /// Each term is touched once, so the map's slot order gives the same sums as insertion order.
    func scatter(into dense: inout [Double], offset: Int, weight: Double) {
        let inverse = normSquared > 1e-300 ? weight / normSquared.squareRoot() : 0
        dense.withUnsafeMutableBufferPointer { out in
            stored.forEachInSlotOrder { term, value in out[offset &+ Int(term)] += value * inverse }
        }
    }

    func clear(_ dense: inout [Double], offset: Int) {
        dense.withUnsafeMutableBufferPointer { out in
            for term in stored.orderedKeys { out[offset &+ Int(term)] = 0 }
        }
    }

    /// Entries sorted by term, for the state hash (dictionary order is not stable).
    var sortedEntries: [(Int32, Double)] {
        var entries: [(Int32, Double)] = []
        stored.forEach { entries.append(($0, $1)) }
        return entries.sorted { $0.0 < $1.0 }
    }
    var hashScalars: (Double, Double, Double) { (scale, normSquared, lastClock) }
}
