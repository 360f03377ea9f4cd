import Foundation
import StrataCore
import StrataData
import StrataLanguage

/// The measurements behind `strata bench` (Docs/performance.md). Each returns named figures.
enum Benchmarks {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = monotonicNanoseconds()
        try body()
        return Double(monotonicNanoseconds() - start) / 1e9
    }

    /// Interest-state ingest alone (SPEC §3 update for every event), best of 5 passes.
    static func ingest(_ dataset: Dataset) -> [String: Double] {
        let tiers = TemporalTier.standard
        let decay = tiers.map { DecayTable(halfLife: $0.halfLife) }
        let gains = ActionGains.standard
        var best = Double.infinity
        var checksum = 0.0
        for _ in 0..<5 {
            var states = Array(repeating: UserInterest(tierCount: tiers.count),
                               count: dataset.userIDs.count)
            let elapsed = seconds {
                for event in dataset.events {
                    states[event.user].observe(gain: gains.gain(for: event.action, value: event.value), time: event.time,
                                               catalogue: dataset.catalogue, item: event.item, tiers: tiers, decay: decay)
                }
            }
            checksum += states[0].strength.reduce(0, +)
            best = min(best, elapsed)
        }
        precondition(checksum.isFinite, "ingest produced a non-finite strength")
        return ["interest_ingest_events_per_s": Double(dataset.events.count) / best]
    }

    /// The whole model (learning, labels, drift, segments) replaying the stream.
    static func replay(_ dataset: Dataset) -> [String: Double] {
        var model = StrataModel(catalogue: dataset.catalogue, userCount: dataset.userIDs.count)
        let elapsed = seconds { for event in dataset.events { model.observe(event) } }
        return ["model_replay_events_per_s": Double(dataset.events.count) / elapsed]
    }

    /// One top-10 recommendation (candidates, features, scoring, MMR, explanations).
    /// *After an event*: 2,000 consecutive events from the middle of the stream, each followed
    /// by the recommendations of its user (what the explorer does while playing);
    /// *same position*: then another user's, with nothing learned in between.
    static func recommendationLatency(_ dataset: Dataset) -> [String: Double] {
        var model = StrataModel(catalogue: dataset.catalogue, userCount: dataset.userIDs.count)
        var cold: [Double] = []
        var warm: [Double] = []
        let first = max(0, dataset.events.count / 2 - 1_000)
        for (position, event) in dataset.events.enumerated() {
            model.observe(event)
            guard position >= first, position < first + 2_000 else { continue }
            var start = monotonicNanoseconds()
            _ = model.recommendations(for: event.user, count: 10)
            cold.append(Double(monotonicNanoseconds() - start) / 1e3)
            start = monotonicNanoseconds()
            _ = model.recommendations(for: (event.user + 1) % dataset.userIDs.count, count: 10)
            warm.append(Double(monotonicNanoseconds() - start) / 1e3)
        }
        cold.sort()
        warm.sort()
        return [
            "recommend_top10_after_event_median_us": cold[cold.count / 2],
            "recommend_top10_after_event_p99_us": cold[cold.count * 99 / 100],
            "recommend_top10_same_position_median_us": warm[warm.count / 2],
        ]
    }

    /// Full prequential evaluation of every model (EVALUATION.md, every positive), plus the peak
    /// memory of the adaptive model's evaluation measured in a child `strata eval` process.
    static func evaluation(dataset: Dataset) throws -> [String: Double] {
        var figures: [String: Double] = [:]
        let evaluator = PrequentialEvaluator(every: 1)
        var strata = AdaptiveRankingModel(model: StrataModel(catalogue: dataset.catalogue, userCount: dataset.userIDs.count))
        let report = evaluator.evaluate(&strata, on: dataset, dataSHA256: [:], clock: monotonicNanoseconds)
        figures["strata.wall_s"] = report.wallSeconds
        figures["strata.hr10"] = report.hitRateAt10
        figures["strata.ndcg10"] = report.ndcgAt10
        figures["strata.mrr"] = report.mrr
        var pop = MostPopular(itemCount: dataset.catalogue.count)
        let popReport = evaluator.evaluate(&pop, on: dataset, dataSHA256: [:], clock: monotonicNanoseconds)
        figures["most_popular.hr10"] = popReport.hitRateAt10
        figures["most_popular.ndcg10"] = popReport.ndcgAt10
        var decayed = DecayedPopular(itemCount: dataset.catalogue.count)
        let decayedReport = evaluator.evaluate(&decayed, on: dataset, dataSHA256: [:], clock: monotonicNanoseconds)
        figures["decayed_popular.hr10"] = decayedReport.hitRateAt10
        figures["decayed_popular.ndcg10"] = decayedReport.ndcgAt10
        var knn = ItemKNN(itemCount: dataset.catalogue.count)
        let knnReport = evaluator.evaluate(&knn, on: dataset, dataSHA256: [:], clock: monotonicNanoseconds)
        figures["item_knn.hr10"] = knnReport.hitRateAt10
        figures["item_knn.ndcg10"] = knnReport.ndcgAt10
        figures["item_knn.wall_s"] = knnReport.wallSeconds
        if let peak = try childPeakMemory(arguments: ["eval", "--dataset", "ml-100k", "--models", "strata"]) {
            figures["strata.eval_process_peak_rss_mb"] = peak
        }
        return figures
    }

    /// Peak resident memory (MB) of `strata ARGS` run as a child process.
    static func childPeakMemory(arguments: [String]) throws -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        var usage = rusage()
        guard getrusage(RUSAGE_CHILDREN.rawValue, &usage) == 0 else { return nil }
        return Double(usage.ru_maxrss) / 1024 // ru_maxrss is in kilobytes on Linux
    }

    /// A session with 10,000 recorded decisions reopened to its exact state: open the file,
    /// read the decisions, replay stream and decisions to the saved position.
    static func sessionReopen(_ dataset: Dataset) throws -> [String: Double] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("strata-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bench.strata").path
        var replayer = Replayer(dataset: dataset)
        let store = try SessionStore.open(at: path, fingerprint: dataset.fingerprint, datasetName: dataset.name, config: "{}")
        let decisions = 10_000
        let perStep = (decisions + dataset.events.count - 1) / max(1, dataset.events.count)
        var made = 0
        // Decisions spread over the stream, on items chosen by a fixed stride (a reopen costs the
        // same whichever items were decided on).
        while made < decisions, let next = replayer.nextEvent {
            for _ in 0..<perStep where made < decisions {
                let item = (made &* 7_919) % dataset.catalogue.count
                let accepted = made % 3 != 0
                replayer.decide(user: next.user, item: item, accepted: accepted)
                try store.record(streamPosition: replayer.position, user: dataset.userIDs[next.user],
                                 item: dataset.catalogue.items[item].id, accepted: accepted)
                made += 1
            }
            replayer.step()
        }
        replayer.seek(to: replayer.total)
        let expected = replayer.model.stateHash
        try store.updateLastState(position: replayer.position, stateHash: expected)
        try store.close()

        var reopenedHash = ""
        let elapsed = try seconds {
            let reopened = try SessionStore.open(at: path, fingerprint: dataset.fingerprint, datasetName: dataset.name, config: "{}")
            let recorded = try SessionDecisions.resolve(reopened.decisions(), in: dataset, session: path)
            var again = Replayer(dataset: dataset)
            again.load(decisions: recorded)
            again.seek(to: reopened.header.lastPosition ?? again.total)
            reopenedHash = again.model.stateHash
            try reopened.close()
        }
        precondition(reopenedHash == expected, "reopened session reached \(reopenedHash), expected \(expected)")
        return ["reopen_10000_decisions_s": elapsed, "decisions": Double(made)]
    }
}

extension Benchmarks {
    /// The language model's figures (issue 10; Docs/performance.md "Language model"):
    /// embedding every item text of `dataset` without the cache, and the explorer's search by
    /// meaning — embed a query of a few words, then rank every item by cosine — over 30 queries.
    static func languageModel(_ dataset: Dataset, modelDirectory: String) throws -> [String: Double] {
        let encoder = try SentenceEncoder(directory: modelDirectory)
        let texts = dataset.catalogue.items.map { ItemTextFields.standard.text(of: $0) }
        var vectors: [[Float]] = []
        let embedSeconds = seconds { vectors = encoder.embed(texts) }
        var withVectors = dataset
        withVectors.catalogue = Catalogue(items: zip(dataset.catalogue.items, vectors).map { item, vector in
            var item = item
            item.embedding = vector
            return item
        })
        var index: SemanticIndex?
        let indexSeconds = seconds { index = SemanticIndex(catalogue: withVectors.catalogue) }
        guard let index else { throw CLIError("bench: the embedded catalogue has no vectors of one length") }
        let queries = ["space adventure with aliens", "a love story in paris", "funny animated film for kids",
                       "gangsters and crime", "world war two soldiers", "haunted house horror"]
        var latencies: [Double] = []
        var checksum = 0
        for round in 0..<30 {
            let query = queries[round % queries.count] + (round >= queries.count ? " \(round)" : "")
            latencies.append(seconds {
                guard let vector = encoder.embed([query]).first else { return }
                checksum &+= index.nearestItems(to: vector, count: 500).first?.item ?? 0
                checksum &+= index.nearestNodes(to: vector, count: 3).first?.node ?? 0
            } * 1000)
        }
        precondition(checksum >= 0)
        latencies.sort()
        return [
            "embed_items_per_s": Double(texts.count) / embedSeconds,
            "embed_items_s": embedSeconds,
            "semantic_index_build_ms": indexSeconds * 1000,
            "search_by_meaning_median_ms": latencies[latencies.count / 2],
            "search_by_meaning_max_ms": latencies.last ?? 0,
        ]
    }
}
