import StrataCore
import Testing
@testable import StrataTUI

/// Issue 12 items 1–2: the A/B split and `--model`, as state transitions.
@Suite struct ExplorerComparisonTests {
    static let hundred: [Key] = [.char("]")]

    @Test func theSplitShowsBothListsAndMarksSharedItems() {
        var state = ExplorerFixtures.demoPair(.itemKNN)
        // 1,000 events in: over 3,072 films ItemKNN needs some co-occurrences to rank by.
        ExplorerFixtures.press(Array(repeating: .char("]"), count: 10), on: &state)
        #expect(state.isSplit)
        #expect(state.recommendations.count == 10)
        #expect(state.companionRecommendations.count == 10)
        let seen = Set(state.model.user(state.focusedUser)?.seen.map(Int.init) ?? [])
        #expect(state.companionRecommendations.allSatisfy { !seen.contains($0.item) })
        #expect(state.sharedItems == Set(state.recommendations.map(\.item)).intersection(state.companionRecommendations.map(\.item)))
        // ItemKNN's list is its own: scores are cosine sums, no P, reasons name a liked item.
        #expect(state.companionRecommendations.allSatisfy { $0.probability.isNaN })
        #expect(state.companionRecommendations.first?.reasons.first?.hasPrefix("like ") == true)
    }

    @Test func anAnswerForBOnlyChangesBAndIsRecordedWithItsSide() throws {
        var state = ExplorerFixtures.demoPair(.itemKNN)
        ExplorerFixtures.press(Self.hundred, on: &state)
        let (a, b) = (state.model.stateHash, try #require(state.replayer.companion?.stateHash))
        let target = try #require(state.companionRecommendations.first?.item)
        // v: B's list; s s: both → A → B.
        ExplorerFixtures.press([.char("v"), .char("s"), .char("s")], on: &state)
        #expect(state.selectedList == .b && state.decisionSide == .b)
        ExplorerFixtures.press([.char("a")], on: &state)
        let decision = try #require(state.replayer.decisions.last)
        #expect(decision.item == target && decision.accepted && decision.side == .b)
        #expect(state.model.stateHash == a)
        #expect(state.replayer.companion?.stateHash != b)
        // B does not offer what it was answered; A still may.
        #expect(!state.companionRecommendations.map(\.item).contains(target))
    }

    @Test func anAnswerForBothReachesBothAndRewindIsExact() throws {
        var state = ExplorerFixtures.demoPair(.strata, config: {
            var config = ModelConfig.standard
            config.featureSwitches.cooccurrence = false
            return config
        }())
        ExplorerFixtures.press(Self.hundred + [.char("a")], on: &state)
        #expect(state.replayer.decisions.last?.side == .both)
        #expect(state.model.decisionCount == 1)
        #expect(state.companionModel?.decisionCount == 1)
        // B is adaptive: its shares and weights are shown.
        #expect(!state.companionSiblingShares.isEmpty)
        #expect(state.comparedTier == 1)
        ExplorerFixtures.press([.char("]"), .char("]")], on: &state)
        let (a, b) = (state.model.stateHash, state.replayer.companion?.stateHash)
        ExplorerFixtures.press([.char("["), .char("["), .left, .char("]"), .char("]"), .right], on: &state)
        #expect(state.model.stateHash == a)
        #expect(state.replayer.companion?.stateHash == b)
    }

    @Test func sideKeysExplainThemselvesWithoutAComparison() {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("s")], on: &state)
        #expect(state.notice?.text.contains("--compare") == true)
        ExplorerFixtures.press([.char("v")], on: &state)
        #expect(state.notice?.text.contains("--compare") == true)
        #expect(state.selectedList == .a)
    }

    @Test func modelShownPutsTheBaselineOnScreen() throws {
        var state = ExplorerFixtures.demoPair(.mostPopular, mode: .shown)
        ExplorerFixtures.press(Self.hundred, on: &state)
        #expect(state.showsCompanion && !state.isSplit)
        var b = try #require(state.replayer.companion)
        let seen = state.model.user(state.focusedUser)?.seen ?? []
        var scores: [Double] = []
        let expected = b.recommendations(for: state.focusedUser, time: 0, count: 10, seenSorted: seen,
                                         catalogue: state.dataset.catalogue, scores: &scores)
        #expect(state.recommendations.map(\.item) == expected.map(\.item))
        #expect(state.recommendations.first?.reasons.first?.hasSuffix("so far") == true)
        // An accept goes to both: the baseline counts it, the lens learns it.
        let item = state.recommendations[0].item
        let before = (state.replayer.companion as? MostPopular)?.positives[item] ?? -1
        ExplorerFixtures.press([.char("a")], on: &state)
        #expect((state.replayer.companion as? MostPopular)?.positives[item] == before + 1)
        #expect(state.model.decisionCount == 1)
    }
}

/// Issue 10 item 5: `/` by meaning with a query encoder (a fixed, fake one: the test is about
/// the explorer, the encoder is tested against sentence-transformers elsewhere).
@Suite struct ExplorerMeaningSearchTests {
    struct AxisEncoder: QueryEncoder {
        let name = "axes"
        func embed(_ text: String) -> [Float]? { text.contains("love") ? [0, 1] : [1, 0] }
    }

    static func state(encoder: (any QueryEncoder)?) -> ExplorerState {
        let catalogue = Catalogue(items: [
            Item(id: "a", title: "Star Voyage", paths: [["Sci-Fi"]], embedding: [1, 0]),
            Item(id: "b", title: "Love Letters", paths: [["Romance"]], embedding: [0, 1]),
            Item(id: "c", title: "Love Among the Stars", paths: [["Romance"]], embedding: [0.6, 0.8]),
        ])
        let events = [Event(time: 0, user: 0, item: 0, action: .rate, value: 5)]
        let dataset = Dataset(name: "axes", catalogue: catalogue, userIDs: ["u"], events: events)
        return ExplorerState(replayer: Replayer(dataset: dataset), configuration: .init(sourceLabel: "axes"),
                             size: TerminalSize(width: 120, height: 40), queryEncoder: encoder)
    }

    @Test func typedWordsRankItemsByMeaningAndNameTheNearestInterests() throws {
        var state = Self.state(encoder: AxisEncoder())
        ExplorerFixtures.press([.char("/")] + "in love".map { .char($0) }, on: &state)
        guard case .search(let picker) = state.overlay else { Issue.record("no search open"); return }
        #expect(picker.matches == [1, 2, 0])
        #expect(picker.meaning?.first == "axes")
        #expect(picker.meaning?.dropFirst().first?.hasPrefix("Romance") == true)
    }

    @Test func withoutAnEncoderTheSearchMatchesTitles() throws {
        var state = Self.state(encoder: nil)
        ExplorerFixtures.press([.char("/")] + "love".map { .char($0) }, on: &state)
        guard case .search(let picker) = state.overlay else { Issue.record("no search open"); return }
        #expect(picker.matches == [1, 2])
        #expect(picker.meaning == nil)
    }
}
