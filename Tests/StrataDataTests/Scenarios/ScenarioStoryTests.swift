import StrataCore
import StrataData
import Testing

/// The built-in scenarios tell their stories too (issue 13, item 1): after a drift the new
/// interest takes over the user's recommendations, an emerging interest shows up in them while
/// it lasts, and no interest runs out of items (each leaf holds 64, and viewers re-watch).
@Suite("Built-in scenarios: recommendations follow the drift")
struct ScenarioStoryTests {
    struct Story {
        var alert: Int?
        /// Items under the target node among the user's ten recommendations, every 50 positions.
        var counts: [Int: Int]
        var end: Int
    }

    /// Replays scenario `name` and counts `target` among `user`'s recommendations.
    static func play(_ name: String, user id: String, target: String) throws -> Story {
        let scenario = try #require(try BuiltInScenarios.scenario(named: name))
        let world = try ScenarioWorld(scenario: scenario)
        let dataset = world.makeDataset()
        let user = try #require(dataset.userIDs.firstIndex(of: id))
        let node = try #require(dataset.catalogue.taxonomy.existingNode(forPath: target.split(separator: "/").map(String.init)))
        var replayer = Replayer(dataset: dataset)
        var story = Story(alert: nil, counts: [:], end: dataset.events.count)
        while let observation = replayer.step() {
            let position = replayer.position
            if story.alert == nil, observation.driftAlerts.contains(where: { $0.user == user && $0.kind == .interestShift }) {
                story.alert = position
            }
            guard position % 50 == 0 else { continue }
            let list = replayer.recommendations(for: user, count: 10)
            story.counts[position] = list.filter { dataset.catalogue.topLevelNodes[$0.item].contains(node) }.count
        }
        return story
    }

    static func describe(_ story: Story, from: Int = 0, to: Int = .max) -> String {
        story.counts.keys.sorted().filter { $0 >= from && $0 <= to }.map { "\($0):\(story.counts[$0]!)" }.joined(separator: " ")
    }

    static func counts(_ story: Story, in range: ClosedRange<Int>) -> [Int] {
        story.counts.keys.sorted().filter(range.contains).map { story.counts[$0]! }
    }

    @Test("drift: no Romance before the shift; within 300 events of the alert Romance leads, and it never runs out")
    func drift() throws {
        let story = try Self.play("drift", user: "viewer", target: "Romance")
        let alert = try #require(story.alert)
        // The shift is the viewer's events 600–800; the alert comes within it.
        #expect((600...900).contains(alert), "alert at \(alert)")
        #expect(Self.counts(story, in: 50...550).allSatisfy { $0 == 0 }, "\(Self.describe(story, to: 600))")
        #expect(Self.counts(story, in: alert...(alert + 300)).contains { $0 >= 4 }, "\(Self.describe(story, from: alert, to: alert + 300))")
        // 1,100 events after the shift the catalogue still has Romance to recommend.
        let late = Self.counts(story, in: (alert + 200)...1_900)
        #expect(late.allSatisfy { $0 >= 8 }, "\(Self.describe(story, from: alert + 200))")
    }

    @Test("emerging: Documentary appears in the recommendations while the interest lasts, and leaves with it")
    func emerging() throws {
        let story = try Self.play("emerging", user: "viewer", target: "Documentary")
        // The interest rises over events 500–700, fades from 900 and is gone by 1,300.
        #expect(Self.counts(story, in: 50...650).allSatisfy { $0 == 0 }, "\(Self.describe(story, to: 650))")
        #expect(Self.counts(story, in: 700...900).contains { $0 >= 8 }, "\(Self.describe(story, from: 700, to: 900))")
        #expect(Self.counts(story, in: 1_050...1_600).allSatisfy { $0 <= 2 }, "\(Self.describe(story, from: 1_050))")
    }

    @Test("multi-user: alice's and chen's recommendations follow their drifts, dara's Fantasy comes and goes")
    func multiUser() throws {
        // 24 viewers × 600 events: alice's shift (her events 250–350) falls near stream
        // positions 6,400–9,000, chen's (300–450 of 800) near 5,800–8,700.
        let alice = try Self.play("multi-user", user: "alice", target: "Romance")
        #expect(Self.counts(alice, in: 50...6_000).allSatisfy { $0 <= 1 }, "\(Self.describe(alice, to: 6_000))")
        #expect(Self.counts(alice, in: 9_000...10_500).contains { $0 >= 6 }, "\(Self.describe(alice, from: 9_000, to: 10_500))")
        let aliceLate = Self.counts(alice, in: 13_000...15_400)
        #expect(aliceLate.filter { $0 >= 7 }.count * 4 >= aliceLate.count * 3, "\(Self.describe(alice, from: 13_000))")
        let chen = try Self.play("multi-user", user: "chen", target: "Comedy")
        #expect(Self.counts(chen, in: 50...5_000).allSatisfy { $0 <= 1 }, "\(Self.describe(chen, to: 5_000))")
        #expect(Self.counts(chen, in: 9_000...14_000).allSatisfy { $0 >= 6 }, "\(Self.describe(chen, from: 9_000, to: 14_000))")
        let dara = try Self.play("multi-user", user: "dara", target: "Fantasy")
        #expect(Self.counts(dara, in: 50...7_500).allSatisfy { $0 <= 1 }, "\(Self.describe(dara, to: 7_500))")
        #expect(Self.counts(dara, in: 10_000...12_500).contains { $0 >= 6 }, "\(Self.describe(dara, from: 10_000, to: 12_500))")
        #expect(Self.counts(dara, in: 13_000...15_400).allSatisfy { $0 <= 2 }, "\(Self.describe(dara, from: 13_000))")
    }

    @Test("every built-in scenario has 64 items a leaf (multi-user 24) and re-watching")
    func catalogues() throws {
        for (name, perLeaf) in [("drift", 64), ("emerging", 64), ("steady", 64), ("multi-user", 24)] {
            let scenario = try #require(try BuiltInScenarios.scenario(named: name))
            #expect(scenario.catalogue.itemsPerLeaf == perLeaf, "\(name)")
            #expect(scenario.behaviour.repeatRate == 0.3, "\(name)")
        }
    }
}
