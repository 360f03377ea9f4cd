import StrataCore

extension ExplorerState {
    /// The view as it is on screen, for files (`x`): the recommendations the pane lists (and
    /// B's beside them in the split view) with every feature, and every node of the focused
    /// user's tree with its share per tier and tier label. A pure read.
    /// O(recommendations × features + nodes × tiers).
    public func viewExport(stateHash: String, companionHash: String? = nil) -> ViewExport {
        let tierCount = model.tiers.count
        // The list on screen is B's when B is shown alone (`--model`); its features are B's
        // own when B is adaptive, none for a baseline.
        let listModel = showsCompanion ? companionModel : model
        let recommendations = Self.exported(self.recommendations, user: focusedUser, model: listModel, catalogue: dataset.catalogue)
        let comparison = isSplit ? ViewExport.Comparison(
            model: self.comparison?.label ?? "B", stateHash: companionHash ?? replayer.companion?.stateHash ?? "",
            recommendations: Self.exported(companionRecommendations, user: focusedUser, model: companionModel, catalogue: dataset.catalogue)) : nil
        // The pane's table when it is current, else the model's (the same numbers).
        let table = siblingShares.count == model.taxonomy.nodeCount * tierCount ? siblingShares : model.siblingShareTable(user: focusedUser)
        let taxonomy = model.taxonomy
        var tree: [ViewExport.Node] = []
        func visit(_ node: NodeIndex) {
            let label = model.view(of: focusedUser).label(of: node)
            tree.append(ViewExport.Node(path: taxonomy.displayPath(of: node), depth: taxonomy.depths[node],
                                        siblingShares: (0..<tierCount).map { table[node * tierCount + $0] }, label: label.rawValue))
            for child in taxonomy.children[node] { visit(child) }
        }
        for top in taxonomy.topLevel { visit(top) }
        return ViewExport(
            source: configuration.sourceLabel, session: configuration.sessionName, position: replayer.position,
            total: replayer.total, user: focusedUserID, stateHash: stateHash, decisions: decisionCount,
            config: model.config.settingsRecord, tiers: model.tiers.map(\.name),
            model: showsCompanion ? (self.comparison?.label ?? "B") : "strata",
            recommendations: recommendations, comparison: comparison, tree: tree)
    }

    /// A list as the files hold it: with every feature (value, weight, contribution as the
    /// details overlay computes them) when `model` made it, without for a baseline.
    static func exported(_ list: [Recommendation], user: UserIndex, model: StrataModel?, catalogue: Catalogue) -> [ViewExport.Recommendation] {
        let names = model?.featureNames ?? []
        let weights = model?.weights ?? []
        return list.enumerated().map { offset, recommendation in
            var features: [ViewExport.Feature] = []
            if let x = model?.featureVector(user: user, item: recommendation.item) {
                features = names.indices.map { k in
                    ViewExport.Feature(name: names[k], value: x[k], weight: weights[k], contribution: weights[k] * x[k])
                }
            }
            return ViewExport.Recommendation(
                rank: offset + 1, item: catalogue.items[recommendation.item].id, title: catalogue.items[recommendation.item].title,
                score: recommendation.score, probability: recommendation.probability, reasons: recommendation.reasons,
                features: features)
        }
    }

    /// `x`: asks the host to write the view; it answers `.viewExported` or `.viewExportFailed`.
    mutating func exportView() -> [ExplorerEffect] {
        let hash = currentHash()  // also caches B's
        return [.exportView(viewExport(stateHash: hash, companionHash: companionHash))]
    }

    mutating func receiveViewExport(_ feedback: ExplorerFeedback) {
        switch feedback {
        case .viewExported(let files): show("wrote " + Self.fileList(files))
        case .viewExportFailed(let message): show("view not exported: " + message, isError: true)
        default: break
        }
    }

    /// `strata-view-cleo-100.json and .csv`: short enough for the title bar.
    static func fileList(_ files: [String]) -> String {
        guard let first = files.first else { return "nothing" }
        let stem = first.lastIndex(of: ".").map { first[..<$0] } ?? Substring(first)
        return ([first] + files.dropFirst().map { $0.hasPrefix(stem + ".") ? String($0.dropFirst(stem.count)) : $0 })
            .joined(separator: " and ")
    }
}
