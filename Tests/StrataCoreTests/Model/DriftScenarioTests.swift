import Foundation
import StrataData
import Testing
@testable import StrataCore

/// The drift scenario (Datasets/scenarios/drift.json): 70 % of the viewer's interest moves
/// from Sci-Fi to Romance between events 600 and 800.
@Suite struct DriftScenarioTests {
    static let scenarioPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Datasets/scenarios/drift.json").path

    static func replayed() throws -> StrataModel {
        let dataset = try ScenarioFile.load(path: scenarioPath).makeDataset()
        var model = StrataModel(catalogue: dataset.catalogue, userCount: dataset.userIDs.count)
        for event in dataset.events { model.observe(event) }
        return model
    }

    @Test func driftAlertFollowsTheScheduledShiftWithinABoundedDelay() throws {
        let model = try Self.replayed()
        let shifts = model.driftAlerts.filter { $0.kind == .interestShift }
        let first = try #require(shifts.first, "no interest-shift alert")
        // Nothing before the shift starts; the first alert within 300 events of its start.
        #expect(first.userEvent >= 600)
        #expect(first.userEvent <= 900, "first alert at user event \(first.userEvent)")
        let romance = try #require(model.taxonomy.existingNode(forPath: ["Romance"]))
        let scifi = try #require(model.taxonomy.existingNode(forPath: ["Sci-Fi"]))
        #expect(first.rose.first == romance)
        #expect(first.fell.first == scifi)
    }

    @Test func romanceBecomesEmergingThenCoreWhileSciFiFades() throws {
        let model = try Self.replayed()
        let romance = try #require(model.taxonomy.existingNode(forPath: ["Romance"]))
        let scifi = try #require(model.taxonomy.existingNode(forPath: ["Sci-Fi"]))
        let afterShift = model.labelChanges.filter { $0.position >= 600 }
        let emerging = try #require(afterShift.first { $0.node == romance && $0.to == .emerging }, "Romance never emerging")
        let core = try #require(afterShift.first { $0.node == romance && $0.to == .core }, "Romance never core")
        #expect(emerging.position < core.position)
        let fading = try #require(afterShift.first { $0.node == scifi && $0.to == .fading }, "Sci-Fi never fading")
        #expect(fading.position < 1_000)
        // Before the shift Sci-Fi was core.
        #expect(model.labelChanges.contains { $0.node == scifi && $0.to == .core && $0.position < 600 })
    }

    @Test func replayIsDeterministicAcrossRuns() throws {
        #expect(try Self.replayed().stateHash == (try Self.replayed().stateHash))
    }
}
