/// Semantic checks that decoding cannot make: sizes (`ScenarioLimits`), counts, ranges,
/// category paths, user ids (Docs/scenarios.md §1). `ScenarioWorld` refuses a scenario with issues; the file loader
/// reports them with the file name and line.
extension Scenario {
    public func validationIssues() -> [ScenarioIssue] {
        let tooLarge = limitIssues()
        guard tooLarge.isEmpty else { return tooLarge }
        var issues: [ScenarioIssue] = []
        func issue(_ path: ScenarioFieldPath, _ message: String) {
            issues.append(ScenarioIssue(path: path, message: message))
        }
        if name.isEmpty { issue(["name"], "must not be empty") }
        if eventsPerUser < 0 { issue(["eventsPerUser"], "must not be negative, found \(eventsPerUser)") }
        validateCatalogue(report: issue)
        validateBehaviour(behaviour, at: ["behaviour"], report: issue)

        let paths = Set(catalogue.categories.flatMap { Self.categoryPaths($0, prefix: []) })
        if users.isEmpty { issue(["users"], "needs at least one user") }
        var seenIDs: Set<String> = []
        for (index, user) in users.enumerated() {
            let at = ScenarioFieldPath(["users", .index(index)])
            if user.id.isEmpty { issue(at.appending("id"), "must not be empty") }
            if !seenIDs.insert(user.id).inserted { issue(at.appending("id"), "duplicate user id \(InputText.quoted(user.id))") }
            if let events = user.events, events < 0 { issue(at.appending("events"), "must not be negative, found \(events)") }
            if case .weights(let weights) = user.interests {
                if weights.isEmpty { issue(at.appending("interests"), "needs at least one category") }
                for key in weights.keys.sorted() {
                    let weightAt = at.appending("interests").appending(key)
                    if !paths.contains(normalisedScenarioPath(key)) { issue(weightAt, Self.unknownCategory(key, paths)) }
                    if let weight = weights[key], !(weight > 0 && weight.isFinite) {
                        issue(weightAt, "weight must be positive, found \(weight)")
                    }
                }
            }
            // Against the (valid) defaults, so only fields this user sets are reported here.
            validateBehaviour(user.overrides.applied(to: Behaviour()), at: at, report: issue)
        }

        let userIDs = Set(users.map(\.id))
        for (index, entry) in drift.enumerated() {
            let at = ScenarioFieldPath(["drift", .index(index)])
            if let user = entry.user, !userIDs.contains(user) { issue(at.appending("user"), "unknown user \(InputText.quoted(user))") }
            if entry.from < 0 { issue(at.appending("from"), "must not be negative, found \(entry.from)") }
            if entry.to <= entry.from { issue(at.appending("to"), "must be after 'from' (\(entry.from)), found \(entry.to)") }
            if !(entry.fraction >= 0 && entry.fraction <= 1) { issue(at.appending("fraction"), "must be in 0…1, found \(entry.fraction)") }
            let sourceKnown = paths.contains(normalisedScenarioPath(entry.source))
            let targetKnown = paths.contains(normalisedScenarioPath(entry.target))
            if !sourceKnown { issue(at.appending("source"), Self.unknownCategory(entry.source, paths)) }
            if !targetKnown { issue(at.appending("target"), Self.unknownCategory(entry.target, paths)) }
            if sourceKnown && targetKnown && Self.overlaps(entry.source, entry.target) {
                issue(at.appending("target"), "\(InputText.quoted(entry.target)) overlaps the source \(InputText.quoted(entry.source))")
            }
        }
        for (index, entry) in emerge.enumerated() {
            let at = ScenarioFieldPath(["emerge", .index(index)])
            if let user = entry.user, !userIDs.contains(user) { issue(at.appending("user"), "unknown user \(InputText.quoted(user))") }
            if !paths.contains(normalisedScenarioPath(entry.path)) { issue(at.appending("path"), Self.unknownCategory(entry.path, paths)) }
            if !(entry.weight >= 0 && entry.weight <= 1) { issue(at.appending("weight"), "must be in 0…1, found \(entry.weight)") }
            if entry.riseFrom < 0 { issue(at.appending("riseFrom"), "must not be negative, found \(entry.riseFrom)") }
            if entry.peakAt < entry.riseFrom { issue(at.appending("peakAt"), "must not be before 'riseFrom' (\(entry.riseFrom)), found \(entry.peakAt)") }
            if let fade = entry.fadeFrom, fade < entry.peakAt { issue(at.appending("fadeFrom"), "must not be before 'peakAt' (\(entry.peakAt)), found \(fade)") }
            if entry.goneBy < entry.fadeStart { issue(at.appending("goneBy"), "must not be before the fade starts (\(entry.fadeStart)), found \(entry.goneBy)") }
        }
        return issues
    }

    private func validateCatalogue(report issue: (ScenarioFieldPath, String) -> Void) {
        let at: ScenarioFieldPath = ["catalogue"]
        if catalogue.itemsPerLeaf < 1 { issue(at.appending("itemsPerLeaf"), "must be at least 1, found \(catalogue.itemsPerLeaf)") }
        if !(catalogue.zipfExponent >= 0 && catalogue.zipfExponent.isFinite) {
            issue(at.appending("zipfExponent"), "must be a non-negative number, found \(catalogue.zipfExponent)")
        }
        if catalogue.titles.maximumLength < 8 {
            issue(at.appending("titles").appending("maximumLength"), "must be at least 8, found \(catalogue.titles.maximumLength)")
        }
        switch catalogue.taxonomy {
        case .generated(let generated):
            let g = at.appending("generated").appending("branching")
            if generated.branching.isEmpty || generated.branching.count > Taxonomy.maximumDepth {
                issue(g, "needs 1…\(Taxonomy.maximumDepth) levels, found \(generated.branching.count)")
            }
            for (level, count) in generated.branching.enumerated() where count < 1 {
                issue(g.appending(level), "must be at least 1, found \(count)")
            }
            let names = generated.names ?? []
            for (index, name) in names.enumerated() where name.isEmpty || name.contains("/") || names[..<index].contains(name) {
                issue(at.appending("generated").appending("names").appending(index), "must be unique, non-empty and contain no '/', found \(InputText.quoted(name))")
            }
        case .categories(let categories):
            if categories.isEmpty { issue(at.appending("categories"), "needs at least one category") }
            validateCategories(categories, at: at.appending("categories"), depth: 1,
                               patterns: catalogue.titles.patterns, words: catalogue.titles.words, report: issue)
        }
        if case .generated = catalogue.taxonomy {
            validatePatterns(catalogue.titles.patterns, words: catalogue.titles.words, at: at.appending("titles"), report: issue)
        }
    }

    private func validateCategories(_ categories: [CategorySpec], at: ScenarioFieldPath, depth: Int,
                                    patterns: [String], words: [String: [String]],
                                    report issue: (ScenarioFieldPath, String) -> Void) {
        var names: Set<String> = []
        for (index, category) in categories.enumerated() {
            let here = at.appending(index)
            if category.name.isEmpty || category.name.contains("/") {
                issue(here.appending("name"), "must be non-empty and contain no '/', found \(InputText.quoted(category.name))")
            }
            if !names.insert(category.name).inserted { issue(here.appending("name"), "duplicate category \(InputText.quoted(category.name))") }
            if depth > Taxonomy.maximumDepth {
                issue(here, "categories may nest at most \(Taxonomy.maximumDepth) levels deep")
                continue
            }
            var merged = words
            for (key, list) in category.titleWords { merged[key] = list }
            let ownPatterns = category.titlePatterns ?? patterns
            if category.isLeaf {
                if let items = category.items, items < 1 { issue(here.appending("items"), "must be at least 1, found \(items)") }
                for (t, title) in category.titles.enumerated() where title.isEmpty || title.count > catalogue.titles.maximumLength {
                    issue(here.appending("titles").appending(t), "must have 1…\(catalogue.titles.maximumLength) characters, found \(title.count)")
                }
                validatePatterns(ownPatterns, words: merged, at: here, report: issue)
            } else {
                validateCategories(category.children, at: here.appending("children"), depth: depth + 1,
                                   patterns: ownPatterns, words: merged, report: issue)
            }
        }
    }

    private func validatePatterns(_ patterns: [String], words: [String: [String]], at: ScenarioFieldPath,
                                  report issue: (ScenarioFieldPath, String) -> Void) {
        if patterns.isEmpty { issue(at.appending("titlePatterns"), "needs at least one title pattern"); return }
        for pattern in patterns {
            for key in TitleGenerator.placeholders(in: pattern) where !TitleGenerator.builtIns.contains(key) {
                if (words[key] ?? []).isEmpty {
                    issue(at, "title pattern \(InputText.quoted(pattern)) uses \(InputText.quoted("{" + key + "}")) but no word list \(InputText.quoted(key)) applies here")
                }
            }
        }
    }

    private func validateBehaviour(_ behaviour: Behaviour, at: ScenarioFieldPath, report issue: (ScenarioFieldPath, String) -> Void) {
        if !(behaviour.temperature > 0 && behaviour.temperature.isFinite) {
            issue(at.appending("temperature"), "must be positive, found \(behaviour.temperature)")
        }
        if !behaviour.outsideUtility.isFinite { issue(at.appending("outsideUtility"), "must be a finite number") }
        if !behaviour.popularityWeight.isFinite { issue(at.appending("popularityWeight"), "must be a finite number") }
        if !(behaviour.interestFloor >= 0 && behaviour.interestFloor < 1) {
            issue(at.appending("interestFloor"), "must be in [0, 1), found \(behaviour.interestFloor)")
        }
        if !(behaviour.ratingNoise >= 0 && behaviour.ratingNoise.isFinite) {
            issue(at.appending("ratingNoise"), "must not be negative, found \(behaviour.ratingNoise)")
        }
        if !(behaviour.repeatRate >= 0 && behaviour.repeatRate < 1) {
            issue(at.appending("repeatRate"), "must be in [0, 1), found \(behaviour.repeatRate)")
        }
        let weights = behaviour.actions.weights
        if let (action, weight) = zip(Action.allCases, weights).first(where: { !($0.1 >= 0 && $0.1.isFinite) }) {
            issue(at.appending("actions").appending(action.rawValue), "probability must not be negative, found \(weight)")
        } else if !(behaviour.actions.total > 0) {
            issue(at.appending("actions"), "needs at least one action with a positive probability")
        }
    }

    /// Every category path in the tree, `/`-joined, inner nodes included.
    static func categoryPaths(_ category: CategorySpec, prefix: [String]) -> [String] {
        let path = prefix + [category.name]
        return [path.joined(separator: "/")] + category.children.flatMap { categoryPaths($0, prefix: path) }
    }

    static func overlaps(_ a: String, _ b: String) -> Bool {
        let x = scenarioPathComponents(a), y = scenarioPathComponents(b)
        let n = min(x.count, y.count)
        return Array(x.prefix(n)) == Array(y.prefix(n))
    }

    static func unknownCategory(_ path: String, _ known: Set<String>) -> String {
        let tops = known.filter { !$0.contains("/") }.sorted().map { InputText.escaped($0) }.joined(separator: ", ")
        return "unknown category \(InputText.quoted(path)) (paths use '/' between levels; top-level categories: \(tops))"
    }
}
