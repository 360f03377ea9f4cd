/// Beyond-accuracy measures of recommendation lists (SPEC §6).
public enum RecommendationListMetrics {
    /// Catalogue coverage: distinct items appearing in any list / catalogue size; 0 for an empty
    /// catalogue. O(total list length).
    /// - Precondition: every item is in `0..<catalogueSize`.
    public static func coverage(of lists: [[ItemIndex]], catalogueSize: Int) -> Double {
        guard catalogueSize > 0 else { return 0 }
        var seen = [Bool](repeating: false, count: catalogueSize)
        var distinct = 0
        for list in lists {
            for item in list {
                precondition(item >= 0 && item < catalogueSize,
                             "recommended item \(item) outside the catalogue of \(catalogueSize)")
                if !seen[item] { seen[item] = true; distinct += 1 }
            }
        }
        return Double(distinct) / Double(catalogueSize)
    }

    /// Intra-list diversity: the mean over unordered pairs of distinct positions of
    /// `1 − similarity(a, b)`; 0 for lists shorter than two. O(count²) similarity calls.
    public static func intraListDiversity(
        of list: [ItemIndex], similarity: (ItemIndex, ItemIndex) -> Double
    ) -> Double {
        guard list.count >= 2 else { return 0 }
        var total = 0.0
        var pairs = 0
        for a in 0..<list.count {
            for b in (a + 1)..<list.count {
                total += 1 - similarity(list[a], list[b])
                pairs += 1
            }
        }
        return total / Double(pairs)
    }

    /// Mean intra-list diversity over lists (lists shorter than two count as 0); 0 if none.
    public static func meanIntraListDiversity(
        of lists: [[ItemIndex]], similarity: (ItemIndex, ItemIndex) -> Double
    ) -> Double {
        guard !lists.isEmpty else { return 0 }
        var total = 0.0
        for list in lists { total += intraListDiversity(of: list, similarity: similarity) }
        return total / Double(lists.count)
    }
}
