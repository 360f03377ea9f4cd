/// A user's content profile of one temporal tier said in words (issue 10, item 5): the items
/// whose vectors are nearest to it, and words for it — with TF-IDF vectors the profile's
/// heaviest terms themselves; with language-model vectors (whose dimensions are not words)
/// the title words that occur most, weighted by cosine, among the nearest items.
/// Docs/language-model.md §8.
public struct ProfileInWords: Hashable, Sendable {
    public var tier: String
    public var words: [String]
    public var items: [ItemIndex]

    /// Words shorter than three letters and these carry no interest.
    static let stopWords: Set<String> = ["the", "and", "of", "a", "an", "in", "on", "to", "for", "with", "from",
                                         "at", "by", "is", "it", "its", "de", "la", "le", "les", "der", "die", "das", "el"]
}

extension StrataModel {
    /// Each tier's profile of `user` in words: `wordCount` words and the `itemCount` nearest
    /// items; empty when the user has no profile yet. O(tiers × items × vector entries).
    public func profilesInWords(user: UserIndex, wordCount: Int = 3, itemCount: Int = 2) -> [ProfileInWords] {
        guard let state = self.user(user) else { return [] }
        return state.profiles.enumerated().compactMap { t, profile -> ProfileInWords? in
            guard profile.normSquared > 1e-300 else { return nil }
            var cosines = [Double](repeating: 0, count: catalogue.count)
            for item in cosines.indices { cosines[item] = profile.cosine(item: item, vectors: vectors) }
            let nearest = TopScores.best(max(itemCount, 10), of: cosines, excludingSorted: [])
            let words = vectors.usesEmbeddings
                ? Self.titleWords(of: nearest, weights: cosines, count: wordCount, catalogue: catalogue)
                : heaviestTerms(profile, count: wordCount)
            let name = tiers.indices.contains(t) ? tiers[t].name : "tier \(t + 1)"
            return ProfileInWords(tier: name, words: words, items: Array(nearest.prefix(itemCount)))
        }
    }

    private func heaviestTerms(_ profile: TextProfile, count: Int) -> [String] {
        var entries: [(term: Int, value: Double)] = []
        profile.stored.forEach { term, value in entries.append((Int(term), value)) }
        entries.sort { $0.value > $1.value || ($0.value == $1.value && $0.term < $1.term) }
        return entries.prefix(count).compactMap { vectors.vocabulary.indices.contains($0.term) ? vectors.vocabulary[$0.term] : nil }
    }

    static func titleWords(of items: [ItemIndex], weights: [Double], count: Int, catalogue: Catalogue) -> [String] {
        var score: [String: Double] = [:]
        var firstSeen: [String: Int] = [:]
        for item in items {
            for word in Self.words(in: catalogue.items[item].title) {
                score[word, default: 0] += max(0, weights[item])
                if firstSeen[word] == nil { firstSeen[word] = firstSeen.count }
            }
        }
        return score.keys.sorted { a, b in
            score[a]! > score[b]! || (score[a]! == score[b]! && firstSeen[a]! < firstSeen[b]!)
        }.prefix(count).map { $0 }
    }

    /// Lower-cased letter runs of a title, without years, short words and stop words.
    static func words(in title: String) -> [String] {
        title.lowercased().split { !$0.isLetter }.map(String.init)
            .filter { $0.count >= 3 && !ProfileInWords.stopWords.contains($0) }
    }
}
