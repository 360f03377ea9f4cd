import StrataCore

/// Builds small deterministic catalogues and event streams for tests.
public enum StreamBuilder {
    /// `tops` top-level categories × `subs` sub-categories × `perLeaf` items; every 7th item
    /// is also filed under the next top-level category (multi-path).
    public static func catalogue(tops: Int = 4, subs: Int = 3, perLeaf: Int = 5) -> Catalogue {
        let topNames = ["Sci-Fi", "Romance", "Comedy", "Drama", "Horror", "Western", "Animation", "Crime"]
        var items: [Item] = []
        for t in 0..<tops {
            for s in 0..<subs {
                for k in 0..<perLeaf {
                    let n = items.count
                    var paths = [[topNames[t % topNames.count], "Sub \(s)"]]
                    if n % 7 == 6 { paths.append([topNames[(t + 1) % tops], "Sub \(s)"]) }
                    items.append(Item(id: "i\(n)", title: "\(topNames[t % topNames.count]) film \(s)-\(k)",
                                      paths: paths, tags: ["tag\(s)"]))
                }
            }
        }
        return Catalogue(items: items)
    }

    /// A random stream over `catalogue` for `users` users, from a seed (the project PRNG).
    /// Users prefer one top-level category each, so shares and labels move.
    public static func events(catalogue: Catalogue, users: Int, count: Int, seed: UInt64) -> [Event] {
        var rng = Xoshiro256StarStar(seed: seed)
        let actions: [Action] = [.rate, .rate, .rate, .click, .view, .purchase, .skip, .dislike]
        var events: [Event] = []
        for position in 0..<count {
            let user = rng.nextIndex(below: users)
            let favourite = catalogue.taxonomy.topLevel[user % catalogue.taxonomy.topLevel.count]
            let item: Int
            if rng.nextUnit() < 0.7, let pick = catalogue.itemsUnder[favourite].randomElement(using: &rng) {
                item = pick
            } else {
                item = rng.nextIndex(below: catalogue.count)
            }
            let action = actions[rng.nextIndex(below: actions.count)]
            let value: Double? = action == .rate ? Double(1 + rng.nextIndex(below: 5)) : nil
            events.append(Event(time: Int64(1_000 + position * 60), user: user, item: item, action: action, value: value))
        }
        return events
    }
}
