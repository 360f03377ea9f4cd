import Testing
@testable import StrataCore

/// The story the demo exists to tell (issue 13, item 1): cleo's recommendations follow her
/// drift from Sci-Fi to Romance. Values measured on the built-in demo (Docs/scenarios.md §7 and
/// design note 1); a change to the demo, the simulator or the model that breaks the story fails here.
@Suite("The demo tells its story: recommendations follow the drift")
struct DemoStoryTests {
    struct Story {
        var dataset: Dataset
        var world: ScenarioWorld
        var cleo: UserIndex
        var alert: Int
        /// Sci-Fi / Romance among cleo's ten recommendations, by stream position.
        var counts: [Int: (sciFi: Int, romance: Int)]
        /// Jensen–Shannon distance between cleo's true and estimated (medium tier) top-level shares.
        var distance: [Int: Double]
    }

    static func play() throws -> Story {
        let world = try ScenarioWorld(scenario: .demo)
        let dataset = world.makeDataset()
        let cleo = try #require(dataset.userIDs.firstIndex(of: "cleo"))
        let taxonomy = dataset.catalogue.taxonomy
        let sciFi = try #require(taxonomy.existingNode(forPath: ["Sci-Fi"]))
        let romance = try #require(taxonomy.existingNode(forPath: ["Romance"]))
        var replayer = Replayer(dataset: dataset)
        var alert: Int?
        var counts: [Int: (sciFi: Int, romance: Int)] = [:]
        var distance: [Int: Double] = [:]
        while let observation = replayer.step() {
            let position = replayer.position
            if alert == nil, observation.driftAlerts.contains(where: { $0.user == cleo && $0.kind == .interestShift }) {
                alert = position
            }
            let sinceAlert = alert.map { position - $0 } ?? -1
            guard position % 500 == 0 || (sinceAlert >= 0 && sinceAlert <= 300 && sinceAlert % 10 == 0) else { continue }
            let list = replayer.recommendations(for: cleo, count: 10)
            let under = { (node: NodeIndex) in list.filter { dataset.catalogue.topLevelNodes[$0.item].contains(node) }.count }
            counts[position] = (under(sciFi), under(romance))
            let model = replayer.model
            distance[position] = world.trackingError(user: cleo, atEvent: Int(model.users[cleo].interest.eventCount),
                                                     estimatedTopLevelShares: model.topLevelShares(user: cleo, tier: 1))
            if let alert, position >= alert + 300 { break }
        }
        return Story(dataset: dataset, world: world, cleo: cleo, alert: try #require(alert), counts: counts, distance: distance)
    }

    @Test("before the drift cleo's recommendations are Sci-Fi; no interest runs out of films")
    func beforeTheDrift() throws {
        let story = try Self.play()
        #expect(story.dataset.catalogue.count == 3_072)
        for position in stride(from: 500, to: story.alert - 500, by: 500) {
            let count = try #require(story.counts[position])
            #expect(count.sciFi >= 6, "at \(position): \(count.sciFi) of 10 Sci-Fi")
            #expect(count.romance == 0, "at \(position): \(count.romance) of 10 Romance")
        }
    }

    @Test("within 300 events of cleo's drift alert at least 4 of her 10 recommendations are Romance")
    func afterTheAlert() throws {
        let story = try Self.play()
        // cleo's drift window is her events 400–600; the alert comes late in it.
        #expect(story.alert > 3_000 && story.alert < 5_000, "alert at \(story.alert)")
        let after = story.counts.filter { $0.key > story.alert && $0.key <= story.alert + 300 }
        let best = after.values.map(\.romance).max() ?? 0
        #expect(best >= 4, "most Romance within 300 events of the alert at \(story.alert): \(best) of 10")
        let end = try #require(story.counts[story.alert + 300])
        #expect(end.romance >= 4, "\(end.romance) of 10 Romance at alert + 300")
    }

    @Test("the estimated shares move towards the truth after the alert (Jensen–Shannon distance)")
    func truthAndEstimateAgree() throws {
        let story = try Self.play()
        let atAlert = try #require(story.distance[story.alert])
        let later = try #require(story.distance[story.alert + 300])
        #expect(later < atAlert, "JS distance \(atAlert) at the alert, \(later) 300 events later")
        #expect(later < 0.35, "JS distance \(later) at alert + 300")
    }
}
