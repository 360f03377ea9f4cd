import Testing
import StrataCore

/// Issue 12 item 7: which actions are positives and whether repeats are evaluated, worked out
/// by hand with MostPopular on a four-event stream where user 0 rates item 0 twice.
@Suite struct PositiveRuleTests {
    // pos 0 t10 u0→i0 (k0), pos 1 t20 u1→i0 (k1), pos 2 t30 u0→i0 (k2, a repeat), pos 3 t40 u0→i1 (k3)
    static let rows: [(Int64, UserIndex, ItemIndex, Double)] = [(10, 0, 0, 5), (20, 1, 0, 5), (30, 0, 0, 5), (40, 0, 1, 5)]

    func run(_ rule: PositiveRule, _ dataset: Dataset) -> (ranks: [[Int]], run: PrequentialRun) {
        var model = MostPopular(itemCount: dataset.catalogue.count)
        var run = PrequentialRun(itemCount: dataset.catalogue.count, userCount: dataset.userIDs.count, rule: rule)
        var ranks: [[Int]] = []
        for event in dataset.events {
            if let e = run.process(event, model: &model) { ranks.append([e.position, e.rank]) }
        }
        return (ranks, run)
    }

    // skip: pos 2 is not a candidate (u0 had i0) → skipped; pos 3: pop [3,0,0,0,0], u0's
    // candidates {1,2,3,4} all 0, i1 the smallest → rank 1.
    @Test func repeatsSkippedAsInEvaluationMd() {
        let (ranks, run) = run(.standard, TinyStream.dataset(Self.rows))
        #expect(ranks == [[0, 1], [1, 1], [3, 1]])
        #expect(run.skippedRepeats == 1 && run.evaluatedRepeats == 0)
    }

    // allow: every item is a candidate. pos 2: pop [2,0,0,0,0] → i0 first, rank 1; pos 3:
    // pop [3,0,0,0,0], i0 (seen, but a candidate now) ahead of i1 → rank 2.
    @Test func repeatsAllowedRankAgainstTheWholeCatalogue() {
        let (ranks, run) = run(PositiveRule(repeats: .allow), TinyStream.dataset(Self.rows))
        #expect(ranks == [[0, 1], [1, 1], [2, 1], [3, 2]])
        #expect(run.skippedRepeats == 0 && run.evaluatedRepeats == 1)
        #expect(run.positives == 4)
    }

    // With purchases only, the ratings are not positives: nothing is evaluated and
    // MostPopular (which counts positives) learns nothing.
    @Test func positivesByAction() {
        var dataset = TinyStream.dataset(Self.rows)
        dataset.events[1].action = .purchase
        dataset.events[1].value = nil
        let (ranks, run) = run(PositiveRule(actions: [.purchase]), dataset)
        #expect(ranks == [[1, 1]])
        #expect(run.positives == 1)
        // A rating below positive_rating is never a positive, even when `rate` is listed.
        let rule = PositiveRule(actions: [.rate])
        #expect(rule.isPositive(.rate, value: 4, gains: .standard))
        #expect(!rule.isPositive(.rate, value: 3.5, gains: .standard))
        #expect(!rule.isPositive(.purchase, value: nil, gains: .standard))
    }

    @Test func parsingNamesTheBadAction() throws {
        #expect(try PositiveRule.parseActions("purchase, cart") == [.purchase, .cart])
        #expect(throws: PositiveRuleError.unknownAction("view")) { try PositiveRule.parseActions("purchase,view") }
        #expect(throws: PositiveRuleError.unknownAction("")) { try PositiveRule.parseActions("purchase,") }
        #expect(PositiveRuleError.unknownAction("buy").description
                == "--positives: 'buy' is not a positive action; allowed: click, cart, favourite, purchase, rate, accept (comma-separated)")
    }

    @Test func theReportNamesTheRule() {
        var model = MostPopular(itemCount: 5)
        var clock = TinyStream.FakeClock()
        let report = PrequentialEvaluator(rule: PositiveRule(actions: [.rate, .purchase], repeats: .allow))
            .evaluate(&model, on: TinyStream.dataset(Self.rows)) { clock.read() }
        #expect(report.positiveActions == ["purchase", "rate"])
        #expect(report.repeats == "allow")
        #expect(report.evaluatedRepeats == 1)
        let standard = PrequentialEvaluator().evaluate(&model, on: TinyStream.dataset(Self.rows)) { clock.read() }
        #expect(standard.repeats == "skip" && standard.evaluatedRepeats == nil)
        #expect(standard.skippedRepeats == 1)
    }
}
