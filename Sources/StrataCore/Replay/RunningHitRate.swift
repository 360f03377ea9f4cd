/// Running HR@10 shown in the status line (Docs/model.md §12): every `every`-th positive of the
/// stream is ranked against all items its user has not seen, before the model learns it
/// (the prequential rule of EVALUATION.md, sampled so replay stays fast).
public struct RunningHitRate: Hashable, Sendable {
    public var every: Int
    public private(set) var positives = 0
    public private(set) var evaluated = 0
    public private(set) var hits = 0

    public init(every: Int = 10) {
        precondition(every > 0, "HR@10 sampling interval must be positive, got \(every)")
        self.every = every
    }

    public var value: Double { evaluated > 0 ? Double(hits) / Double(evaluated) : 0 }

    /// Counts one positive; returns true when it should be evaluated.
    mutating func nextPositiveIsSampled() -> Bool {
        defer { positives += 1 }
        return positives % every == 0
    }

    mutating func record(rank: Int) {
        evaluated += 1
        if rank <= 10 { hits += 1 }
    }
}
