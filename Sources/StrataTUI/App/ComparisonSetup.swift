import StrataCore

/// How the explorer shows a second model (issue 12, items 1–2; Docs/explorer.md "A/B").
///
/// - `split` (`explore --compare B`): A (the adaptive model of the run's config) and B side by
///   side: both lists, B's shares and weights beside A's when B is adaptive, both running
///   metrics and their difference.
/// - `shown` (`explore --model NAME`): B is the recommender on screen — its list, its reasons,
///   its running HR@10, its state hash — while the interest tree and the weights stay the
///   adaptive model's picture of the user (the lens every model is looked at through).
public struct ComparisonSetup: Hashable, Sendable {
    public enum Mode: String, Hashable, Sendable { case split, shown }

    public var mode: Mode
    /// What the screen calls B: `item-knn`, `ablation.toml`, `strata (--b-set …)`.
    public var label: String

    public init(mode: Mode, label: String) {
        self.mode = mode
        self.label = label
    }
}

/// Which list of the split view the selection is in (`v` switches).
public enum ComparisonList: Hashable, Sendable { case a, b }

extension ExplorerState {
    public var comparison: ComparisonSetup? { replayer.companion == nil ? nil : configuration.comparison }
    public var isSplit: Bool { comparison?.mode == .split }
    public var showsCompanion: Bool { comparison?.mode == .shown }
    /// Model B when it is an adaptive model (it has shares and weights to show).
    public var companionModel: StrataModel? { (replayer.companion as? AdaptiveRankingModel)?.model }

    /// B's state hash when paused (cached like A's), nil while playing or without B.
    public var companionHash: String? {
        guard let cache = companionHashCache, cache.position == replayer.position, cache.decisions == replayer.decisions.count else {
            return nil
        }
        return cache.hash
    }

    /// Refreshes B's list and shares (after A's, in `refreshAfterModelChange`).
    mutating func refreshCompanion() {
        guard let comparison else { return }
        let list = replayer.companionRecommendations(for: focusedUser, count: configuration.recommendationCount)
        switch comparison.mode {
        case .shown:
            recommendations = list
        case .split:
            companionRecommendations = list
            companionSelection = min(companionSelection, max(0, list.count - 1))
            companionSiblingShares = companionModel?.siblingShareTable(user: focusedUser) ?? []
        }
    }

    /// `v`: moves the selection between A's and B's list (split view).
    mutating func switchList() {
        guard isSplit else {
            show("one model on screen: start with --compare B for two")
            return
        }
        selectedList = selectedList == .a ? .b : .a
        focus = .recommendations
        shownTab = .recommendations
        show("selection in " + (selectedList == .a ? "A's list (strata)" : "B's list (\(comparison?.label ?? "B"))"))
    }

    /// `s`: who learns the next accept/reject: both, A only, B only (split view).
    mutating func cycleDecisionSide() {
        guard isSplit else {
            show("one model on screen: answers go to it (--compare B for two)")
            return
        }
        decisionSide = decisionSide.next
        show("answers go to " + decisionSideText)
    }

    var decisionSideText: String {
        switch decisionSide {
        case .both: "both models"
        case .a: "A only (strata)"
        case .b: "B only (\(comparison?.label ?? "B"))"
        }
    }

    /// The side a decision made now is recorded with: the chosen one in split view; both in
    /// `--model` view (the lens learns what the user does, as it learns every event).
    var sideOfNewDecisions: DecisionSide { isSplit ? decisionSide : .both }

    /// Items in both lists (marked in the split view).
    public var sharedItems: Set<ItemIndex> {
        Set(recommendations.map(\.item)).intersection(companionRecommendations.map(\.item))
    }
}

extension ExplorerState {
    func sideText(_ side: DecisionSide) -> String {
        switch side {
        case .both: "both"
        case .a: "A only"
        case .b: "B only"
        }
    }
}

extension ExplorerState {
    /// The temporal tier whose share difference B − A the tree shows in the split view with an
    /// adaptive B: the middle one (medium of short/medium/long), nil otherwise.
    public var comparedTier: Int? {
        guard isSplit, !companionSiblingShares.isEmpty, !model.tiers.isEmpty else { return nil }
        return model.tiers.count / 2
    }
}
