import Foundation
import Testing
import StrataCore

/// EVALUATION.md "Exact protocol", checked on `TinyStream` with answers worked out by hand.
@Suite struct PrequentialEvaluationTests {

    // MostPopular, popularity before each evaluated positive, candidates = unseen items:
    //  pos 0 u0→i0: all 0, no earlier items          → rank 1
    //  pos 1 u1→i0: pop [1,0,0,0,0]                   → rank 1
    //  pos 3 u1→i2: pop [2,0,0,0,0], cand {1,2,3,4}; ties 0 with i1 (smaller index) → rank 2
    //  pos 4 u2→i2: pop [2,0,1,0,0], cand all; i0 higher                 → rank 2
    //  pos 5 u0→i2: pop [2,0,2,0,0], cand {2,3,4}                         → rank 1
    //  pos 7 u1→i3: pop [2,0,3,0,0], cand {1,3,4}; tie with i1           → rank 2
    //  pos 8 u2→i3: pop [2,0,3,1,0], cand {1,3,4}                         → rank 1
    //  pos 9 u0→i4: pop [2,0,3,2,0], cand {3,4}; i3 higher               → rank 2
    // HR = 8/8; NDCG = (4·1 + 4/log2 3)/8 = 0.8154648767857288; MRR = (4 + 4·½)/8 = 0.75.
    @Test func mostPopularByHand() {
        let dataset = TinyStream.dataset()
        #expect(TinyStream.ranks(MostPopular(itemCount: 5), on: dataset)
                == [[0, 1], [1, 1], [3, 2], [4, 2], [5, 1], [7, 2], [8, 1], [9, 2]])
        var clock = TinyStream.FakeClock()
        var model = MostPopular(itemCount: 5)
        let report = PrequentialEvaluator().evaluate(&model, on: dataset) { clock.read() }
        #expect(report.evaluated == 8)
        #expect(report.hitRateAt10 == 1)
        #expect(abs(report.ndcgAt10 - 0.8154648767857288) < 1e-12)
        #expect(report.mrr == 0.75)
        #expect(model.positives == [2, 0, 3, 2, 1])
    }

    // DecayedPopular with h = 10 s (v, τ per item; score v·2^(−(t−τ)/10)):
    //  pos 0 t10 u0→i0: all 0 → rank 1; then v0 = 1, τ0 = 10
    //  pos 1 t20 u1→i0: s0 = 1·2^−1 = 0.5 → rank 1; v0 = 1.5, τ0 = 20
    //  pos 3 t40 u1→i2: cand {1,2,3,4} all 0; tie with i1 → rank 2; v2 = 1, τ2 = 40
    //  pos 4 t50 u2→i2: s0 = 1.5·2^−3 = 0.1875 < s2 = 0.5 → rank 1; v2 = 1.5, τ2 = 50
    //  pos 5 t60 u0→i2: cand {2,3,4}; s2 = 0.75 → rank 1; v2 = 1.75, τ2 = 60
    //  pos 7 t80 u1→i3: cand {1,3,4} all 0; tie with i1 → rank 2; v3 = 1, τ3 = 80
    //  pos 8 t90 u2→i3: s3 = 0.5 → rank 1; v3 = 1.5, τ3 = 90
    //  pos 9 t100 u0→i4: cand {3,4}; s3 = 0.75 > s4 = 0 → rank 2
    // HR = 1; NDCG = (5 + 3/log2 3)/8 = 0.8615986575892965; MRR = (5 + 1.5)/8 = 0.8125.
    @Test func decayedPopularByHand() {
        let dataset = TinyStream.dataset()
        let model = DecayedPopular(itemCount: 5, halfLifeSeconds: 10)
        #expect(TinyStream.ranks(model, on: dataset)
                == [[0, 1], [1, 1], [3, 2], [4, 1], [5, 1], [7, 2], [8, 1], [9, 2]])
        var trained = model
        var clock = TinyStream.FakeClock()
        let report = PrequentialEvaluator().evaluate(&trained, on: dataset) { clock.read() }
        #expect(abs(report.ndcgAt10 - 0.8615986575892965) < 1e-12)
        #expect(report.mrr == 0.8125)
        #expect(report.config == ["half_life_s": "10.0"])
        #expect(trained.values[2] == 1.75 && trained.updatedAt[2] == 60)
    }

    // ItemKNN (c = positives per item, C = co-occurrences; P_u = u's positives in order):
    //  pos 0 u0→i0: P empty → all 0 → rank 1; c0 = 1; P0 = [0]
    //  pos 1 u1→i0: P empty → rank 1; c0 = 2; P1 = [0]
    //  pos 3 u1→i2: P1 = [0], C[0][·] = 0 → all 0; cand {1,2,3,4}, tie with i1 → rank 2;
    //               C[0][2] = 1; c2 = 1; P1 = [0,2]
    //  pos 4 u2→i2: P empty; cand all; ties with i0, i1 → rank 3; c2 = 2; P2 = [2]
    //  pos 5 u0→i2: s2 = C[0][2]/√(c0·c2) = 1/√4 = 0.5; cand {2,3,4} → rank 1;
    //               C[0][2] = 2; c2 = 3; P0 = [0,2]
    //  pos 7 u1→i3: P1 = [0,2]; C[0][3] = C[2][3] = 0 → cand {1,3,4} all 0 → rank 2;
    //               C[0][3] = 1, C[2][3] = 1; c3 = 1; P1 = [0,2,3]
    //  pos 8 u2→i3: P2 = [2]; s3 = 1/√(3·1) = 0.577…; cand {1,3,4} → rank 1;
    //               C[2][3] = 2; c3 = 2; P2 = [2,3]
    //  pos 9 u0→i4: P0 = [0,2]; s3 = 1/√(2·2) + 2/√(3·2) = 1.316…, s4 = 0; cand {3,4} → rank 2
    // HR = 1; NDCG = (4 + 3/log2 3 + 1/log2 4)/8 = 0.7990986575892965; MRR = (4 + 1.5 + ⅓)/8.
    @Test(arguments: [ItemKNN.defaultDenseItemLimit, 0])
    func itemKNNByHand(denseItemLimit: Int) {
        let dataset = TinyStream.dataset()
        let model = ItemKNN(itemCount: 5, denseItemLimit: denseItemLimit)
        #expect(TinyStream.ranks(model, on: dataset)
                == [[0, 1], [1, 1], [3, 2], [4, 3], [5, 1], [7, 2], [8, 1], [9, 2]])
        var trained = model
        var clock = TinyStream.FakeClock()
        let report = PrequentialEvaluator().evaluate(&trained, on: dataset) { clock.read() }
        #expect(abs(report.ndcgAt10 - 0.7990986575892965) < 1e-12)
        #expect(abs(report.mrr - 0.7291666666666666) < 1e-12)
        #expect(trained.itemPositives == [2, 0, 3, 2, 1])
        #expect(trained.cooccurrences(0, 2) == 2 && trained.cooccurrences(2, 0) == 2)
        #expect(trained.cooccurrences(2, 3) == 2 && trained.cooccurrences(0, 3) == 1)
        #expect(trained.cooccurrences(0, 4) == 1 && trained.cooccurrences(1, 2) == 0)

        // The score of pos 9 in full, at the moment it was tested.
        var partial = ItemKNN(itemCount: 5, denseItemLimit: denseItemLimit)
        for event in dataset.events.prefix(9) { partial.learn(event, isPositive: (event.value ?? 0) >= 4) }
        var scores = [Double](repeating: .nan, count: 5)
        partial.score(user: 0, time: 100, into: &scores)
        #expect(scores[3] == 1 / (2.0 * 2).squareRoot() + 2 / (3.0 * 2).squareRoot())
        #expect(scores[4] == 0)
    }

    // Rank lines "0\t1\n1\t1\n3\t2\n4\t2\n5\t1\n7\t2\n8\t1\n9\t2\n" — by `printf … | sha256sum`.
    @Test func ranksHashOfTinyStream() {
        var model = MostPopular(itemCount: 5)
        var clock = TinyStream.FakeClock()
        let report = PrequentialEvaluator().evaluate(&model, on: TinyStream.dataset()) { clock.read() }
        #expect(report.ranksSHA256 == "0f056a57de97761adf2bfcfe6336cbf5a3e34e9504eee31b85a892ea56ebd3a6")
    }

    @Test func ranksHashOfNothingIsTheEmptyDigest() {
        #expect(RanksDigest().hexDigest == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    // --every 2 evaluates k = 0, 2, 4, 6 → positions 0, 3, 5, 8; training still sees every
    // event, so the ranks are those of the full run. Lines "0\t1\n3\t2\n5\t1\n8\t1\n".
    @Test func everySecondPositive() {
        let dataset = TinyStream.dataset()
        #expect(TinyStream.ranks(MostPopular(itemCount: 5), on: dataset, every: 2) == [[0, 1], [3, 2], [5, 1], [8, 1]])
        #expect(TinyStream.ranks(MostPopular(itemCount: 5), on: dataset, every: 3) == [[0, 1], [4, 2], [8, 1]])
        var model = MostPopular(itemCount: 5)
        var clock = TinyStream.FakeClock()
        let report = PrequentialEvaluator(every: 2).evaluate(&model, on: dataset) { clock.read() }
        #expect(report.evaluated == 4 && report.positives == 8 && report.every == 2)
        #expect(report.ranksSHA256 == "aa421c60c7633f8af89ce140912811a6fc5930fe931048784f005c3eea73b42b")
        #expect(model.positives == [2, 0, 3, 2, 1], "every event is learned whatever N is")
    }

    // Items the user had in any earlier event (positive or not) are no candidates.
    // Fixed scores favour items 0 and 1; user 0 has had both (item 1 rated 3, not positive)
    // before rating item 4, so item 4 ranks behind only item 2 (score 7 > 5).
    @Test func seenItemsAreExcluded() {
        let dataset = TinyStream.dataset([(1, 0, 0, 5), (2, 0, 1, 3), (3, 0, 4, 5), (4, 1, 4, 5)])
        let model = FixedScores([9, 8, 7, 1, 5])
        // pos 0: u0→i0 scores 9 → rank 1. pos 2: cand {2,3,4} → rank 2. pos 3: u1 cand all → rank 4.
        #expect(TinyStream.ranks(model, on: dataset) == [[0, 1], [2, 2], [3, 4]])
    }

    // A positive on an item the user already had has no rank (it is no candidate): it is
    // skipped and counted, but still takes its number k. pos 1 (u0→i0 again) is skipped;
    // pos 2 u0→i1: cand {1,2,3,4} all 0 → rank 1; pos 3 u1→i2: ties with i0, i1 → rank 3.
    @Test func repeatedItemIsSkippedButNumbered() {
        let dataset = TinyStream.dataset([(1, 0, 0, 2), (2, 0, 0, 5), (3, 0, 1, 5), (4, 1, 2, 5)])
        #expect(TinyStream.ranks(FixedScores([0, 0, 0, 0, 0]), on: dataset) == [[2, 1], [3, 3]])
        #expect(TinyStream.ranks(FixedScores([0, 0, 0, 0, 0]), on: dataset, every: 2) == [[3, 3]])
        var model = FixedScores([0, 0, 0, 0, 0])
        var clock = TinyStream.FakeClock()
        let report = PrequentialEvaluator().evaluate(&model, on: dataset) { clock.read() }
        #expect(report.skippedRepeats == 1 && report.positives == 3 && report.evaluated == 2)
        #expect(model.learned.count == 4, "skipped positives are still learned")
    }

    // Clock readings 0, 1, 2, … ms: start, then before/after each test phase, then the end.
    // 10 events → 22 readings; wall = 21 ms, test = 10 × 1 ms, learn = 11 ms → 10 / 0.011 s.
    @Test func timingComesFromTheInjectedClock() {
        var model = MostPopular(itemCount: 5)
        var clock = TinyStream.FakeClock()
        let report = PrequentialEvaluator().evaluate(&model, on: TinyStream.dataset()) { clock.read() }
        #expect(clock.now == 22_000_000)
        #expect(report.wallSeconds == 0.021)
        #expect(abs(report.learnEventsPerSecond - 10 / 0.011) < 1e-6)
    }

    @Test func reportEncodesTheProtocolKeys() throws {
        var model = ItemKNN(itemCount: 5)
        var clock = TinyStream.FakeClock()
        let report = PrequentialEvaluator().evaluate(&model, on: TinyStream.dataset(),
                                                     dataSHA256: ["ml-100k.inter": "4edb"]) { clock.read() }
        let data = try JSONEncoder().encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["model", "hr10", "ndcg10", "mrr", "evaluated", "wall_s", "learn_events_per_s",
                    "data_sha256", "config", "ranks_sha256"] {
            #expect(object[key] != nil, "missing key \(key)")
        }
        #expect(object["model"] as? String == "ItemKNN")
        #expect((object["data_sha256"] as? [String: String])?["ml-100k.inter"] == "4edb")
        #expect(try JSONDecoder().decode(EvaluationReport.self, from: data) == report)
    }

    // A rank of 11 is a miss: no hit, no NDCG, but 1/11 to the MRR.
    @Test func metricsCutOffAtTen() {
        var metrics = PrequentialMetrics()
        metrics.record(rank: 10)
        metrics.record(rank: 11)
        #expect(metrics.hits == 1 && metrics.evaluated == 2)
        #expect(metrics.hitRateAt10 == 0.5)
        #expect(metrics.ndcgAt10 == 1 / log2(11.0) / 2)
        #expect(metrics.mrr == (0.1 + 1.0 / 11) / 2)
        #expect(PrequentialMetrics().mrr == 0)
    }
}
