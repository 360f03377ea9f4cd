/// A user's decayed content profile for one temporal tier (Docs/model.md §7):
/// `P ← P · 2^(−Δ/h) + g · v_i`. Every entry decays by the same factor, so it is kept as
/// `stored · scale` and a decay only updates `scale`; cosine similarity is unaffected by it.
public struct TextProfile: Sendable {
    public private(set) var stored: [Int32: Double] = [:]
    public private(set) var scale = 1.0
    public private(set) var normSquared = 0.0
    private var lastClock = 0.0

    public init() {}

    mutating func add(gain: Double, item: ItemIndex, vectors: ItemVectors, clock: Double, decay: DecayTable) {
        scale *= decay.factor(clock - lastClock)
        lastClock = clock
        if scale < 1e-150 { renormalise() }
        let amount = gain / scale
        for k in vectors.range(of: item) {
            let term = vectors.terms[k]
            let old = stored[term] ?? 0
            let new = old + amount * vectors.weights[k]
            stored[term] = new
            normSquared += new * new - old * old
        }
        if normSquared < 0 { normSquared = stored.values.reduce(0) { $0 + $1 * $1 } }
    }

    private mutating func renormalise() {
        for key in stored.keys { stored[key] = (stored[key] ?? 0) * scale }
        normSquared = stored.values.reduce(0) { $0 + $1 * $1 }
        scale = 1
    }

    /// Cosine between the profile and a unit item vector.
    public func cosine(item: ItemIndex, vectors: ItemVectors) -> Double {
        guard normSquared > 1e-300 else { return 0 }
        var dot = 0.0
        for k in vectors.range(of: item) { dot += (stored[vectors.terms[k]] ?? 0) * vectors.weights[k] }
        return dot / normSquared.squareRoot()
    }

    /// Adds `weight · stored / ‖stored‖` into a dense scratch vector (for scoring many items).
    func scatter(into dense: inout [Double], weight: Double) {
        let inverse = normSquared > 1e-300 ? weight / normSquared.squareRoot() : 0
        for (term, value) in stored { dense[Int(term)] += value * inverse }
    }

    func clear(_ dense: inout [Double]) {
        for term in stored.keys { dense[Int(term)] = 0 }
    }

    /// Entries sorted by term, for the state hash (dictionary order is not stable).
    var sortedEntries: [(Int32, Double)] { stored.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    var hashScalars: (Double, Double, Double) { (scale, normSquared, lastClock) }
}
