/// The sizes a scenario may have (Docs/scenarios.md §1 "Limits"), so that a scenario, from a
/// file or built in code, can never ask for a huge allocation (`eventsPerUser: 1e12` once
/// asked for 48 TB), overflow a count, or keep the simulator busy for hours. Checked first by
/// `Scenario.validationIssues()`, before anything is expanded or allocated.
public enum ScenarioLimits {
    /// Users; who acts next is drawn among them at every event.
    public static let users = 1_000
    /// Events of one user, and `eventsPerUser`.
    public static let eventsPerUser = 5_000_000
    /// Events of the whole run (held in memory as the stream).
    public static let totalEvents = 5_000_000
    /// Leaf categories (a generated `branching` multiplies out).
    public static let leaves = 10_000
    /// Items of one leaf, and `itemsPerLeaf`.
    public static let itemsPerLeaf = 10_000
    /// Items of the catalogue.
    public static let items = 1_000_000
    /// Users × items: each simulated user keeps one flag per item.
    public static let userItemPairs = 100_000_000
    /// Entries of `drift` and of `emerge`, each.
    public static let scheduleEntries = 1_000
    /// `titles.maximumLength`.
    public static let titleLength = 1_000
    /// Simulation work, events × (leaves × (1 + schedule entries) + largest leaf): the cost of
    /// a headless run, about 10⁹ a second.
    public static let work = 20_000_000_000
}

extension Scenario {
    /// Problems with the scenario's size, or none. When there are some, the rest of validation
    /// is skipped: it would expand the catalogue these limits guard.
    func limitIssues() -> [ScenarioIssue] {
        var issues: [ScenarioIssue] = []
        func check(_ value: Int, _ limit: Int, _ path: ScenarioFieldPath, _ what: String, _ unit: String = "") {
            if value > limit {
                issues.append(ScenarioIssue(path: path, message: "\(what) at most \(Self.grouped(limit))\(unit), found \(Self.grouped(value))"))
            }
        }
        check(users.count, ScenarioLimits.users, ["users"], "a scenario may have", " users")
        check(eventsPerUser, ScenarioLimits.eventsPerUser, ["eventsPerUser"], "must be")
        check(drift.count, ScenarioLimits.scheduleEntries, ["drift"], "a schedule may have", " entries")
        check(emerge.count, ScenarioLimits.scheduleEntries, ["emerge"], "a schedule may have", " entries")
        check(catalogue.itemsPerLeaf, ScenarioLimits.itemsPerLeaf, ["catalogue", "itemsPerLeaf"], "must be")
        check(catalogue.titles.maximumLength, ScenarioLimits.titleLength, ["catalogue", "titles", "maximumLength"], "must be")
        var totalEvents = 0
        for (index, user) in users.enumerated() {
            let events = user.events ?? eventsPerUser
            check(user.events ?? 0, ScenarioLimits.eventsPerUser, ["users", .index(index), "events"], "must be")
            totalEvents = Self.saturatingSum(totalEvents, max(0, min(events, ScenarioLimits.eventsPerUser + 1)))
        }
        if issues.isEmpty { check(totalEvents, ScenarioLimits.totalEvents, ["users"], "the users' events may total") }

        let size = catalogueSize()
        let at: ScenarioFieldPath = catalogue.isGenerated ? ["catalogue", "generated", "branching"] : ["catalogue", "categories"]
        check(size.leaves, ScenarioLimits.leaves, at, "the catalogue may have", " leaf categories")
        if size.leaves <= ScenarioLimits.leaves {
            check(size.largestLeaf, ScenarioLimits.itemsPerLeaf, at, "a leaf may have", " items")
            check(size.items, ScenarioLimits.items, at, "the catalogue may have", " items")
            if issues.isEmpty {
                check(Self.saturatingProduct(users.count, size.items), ScenarioLimits.userItemPairs, ["users"],
                      "users × catalogue items may be")
            }
        }
        if issues.isEmpty {
            let perEvent = Self.saturatingSum(Self.saturatingProduct(size.leaves, 1 + drift.count + emerge.count), size.largestLeaf)
            check(Self.saturatingProduct(totalEvents, perEvent), ScenarioLimits.work, [],
                  "events × (leaves × (1 + schedule entries) + largest leaf) may be")
        }
        return issues
    }

    /// Leaves and items without expanding a generated tree (saturating, never overflowing).
    private func catalogueSize() -> (leaves: Int, items: Int, largestLeaf: Int) {
        switch catalogue.taxonomy {
        case .generated(let generated):
            let leaves = generated.branching.reduce(1) { Self.saturatingProduct($0, max(0, $1)) }
            return (leaves, Self.saturatingProduct(leaves, catalogue.itemsPerLeaf), catalogue.itemsPerLeaf)
        case .categories(let categories):
            var size = (leaves: 0, items: 0, largestLeaf: 0)
            func visit(_ list: [CategorySpec]) {
                for category in list {
                    if category.isLeaf {
                        let count = category.items ?? (category.titles.isEmpty ? catalogue.itemsPerLeaf : category.titles.count)
                        size.leaves += 1
                        size.items = Self.saturatingSum(size.items, max(0, count))
                        size.largestLeaf = max(size.largestLeaf, count)
                    } else {
                        visit(category.children)
                    }
                }
            }
            visit(categories)
            return size
        }
    }

    static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    static func saturatingProduct(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : product
    }

    /// 5000000 → "5,000,000".
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }
}

extension CatalogueSpec {
    var isGenerated: Bool {
        if case .generated = taxonomy { return true }
        return false
    }
}
