/// One reason of a recommendation's explanation (SPEC §4), kept as data and worded only when
/// shown, so computing recommendations builds no strings.
public enum Reason: Hashable, Sendable {
    /// A share feature: the node (with its parent for deeper levels), the tier, its label.
    case share(node: String, parent: String?, tier: String, label: InterestLabel)
    case content(tier: String)
    /// Co-occurrence with a recent positive (its title), when one explains it.
    case because(title: String?)
    case popular
    case segment(Int)
    case baseline
    /// A model's own words (the baselines: "12 positives so far", "like Alien (cos 0.41)").
    case note(String)

    /// The words shown, e.g. "Sci-Fi · long-term core", "because you liked Alien".
    public var text: String {
        switch self {
        case let .share(node, parent, tier, label):
            let name = parent.map { $0 + " › " + node } ?? node
            return label == .dormant ? name + " · " + tier + "-term" : name + " · " + tier + "-term " + label.rawValue
        case let .content(tier): return "similar to what you liked (" + tier + "-term)"
        case let .because(title): return title.map { "because you liked " + $0 } ?? "liked together with your recent picks"
        case .popular: return "popular right now"
        case let .segment(segment): return "popular with users like you (segment \(segment + 1))"
        case .baseline: return "baseline"
        case let .note(text): return text
        }
    }
}
