import Foundation
import Testing
@testable import StrataCore

/// Issue 12 item 3: named feature switches for ablations are exactly off (value 0, weight 0,
/// never learned), and with every switch on nothing changes.
@Suite struct FeatureSwitchTests {
    static func replayed(_ assignments: [String]) throws -> StrataModel {
        let config = try ModelConfig.standard.applying(assignments)
        var replayer = Replayer(dataset: try Scenario.demo.makeDataset(), config: config, keepsCheckpoints: false)
        replayer.seek(to: 3000)
        return replayer.model
    }

    @Test("every switch on is the default config: no features field, no mask, the demo's pinned hash")
    func defaultsAreUnchanged() throws {
        let config = try ModelConfig.standard.applying(["features.cooccurrence=false", "features.cooccurrence=true", "features.L2=true"])
        #expect(config == ModelConfig.standard)
        #expect(config.features == nil)
        let model = StrataModel(catalogue: try Scenario.demo.makeDataset().catalogue, config: config)
        #expect(model.featureMask == nil)
        #expect(ModelConfig.standard.settingsRecord["features.cooccurrence"] == "true")
        // A session's JSON from before the switches decodes to the same config.
        let json = try JSONEncoder().encode(ModelConfig.standard)
        #expect(!String(decoding: json, as: UTF8.self).contains("features"))
        #expect(try JSONDecoder().decode(ModelConfig.self, from: json) == ModelConfig.standard)
    }

    @Test("a switched-off feature is 0 in every vector and its weight stays exactly 0, never updated",
          arguments: [
              (["features.cooccurrence=false"], ["cooccurrence"]),
              (["features.content=false"], ["content.short", "content.medium", "content.long"]),
              (["features.segments=false"], ["segment_popularity"]),
              (["features.popularity=false"], ["popularity"]),
              (["features.short=false"], ["share.short.L1", "share.short.L2", "share.short.L3", "content.short"]),
              (["features.L2=false"], ["share.short.L2", "share.medium.L2", "share.long.L2"]),
          ])
    func switchedOffIsExactlyOff(assignments: [String], off: [String]) throws {
        var model = try Self.replayed(assignments)
        let names = model.featureNames
        for name in off {
            let k = try #require(names.firstIndex(of: name), "\(name) not in \(names)")
            #expect(model.weights[k] == 0, "\(name) weight \(model.weights[k])")
            #expect(model.learner.n[k] == 0 && model.learner.z[k] == 0, "\(name) was learned")
            for item in 0..<20 {
                #expect(model.featureVector(user: 0, item: item)[k] == 0, "\(name) of item \(item)")
            }
        }
        // The others still learn.
        let on = names.indices.filter { !off.contains(names[$0]) && names[$0] != "bias" }
        #expect(on.contains { model.learner.n[$0] > 0 })
        // No recommendation gets anything from a feature that is off.
        let offIndices = off.compactMap { names.firstIndex(of: $0) }
        for recommendation in model.recommendations(for: 0, count: 10) {
            for k in offIndices { #expect(recommendation.contributions[k] == 0, "\(names[k]) contributes to \(recommendation.item)") }
        }
    }

    @Test("switches round-trip through the session's JSON and the settings record")
    func roundTrips() throws {
        let config = try ModelConfig.standard.applying(["features.long=false", "features.L1=false", "features.segments=false"])
        let decoded = try JSONDecoder().decode(ModelConfig.self, from: try JSONEncoder().encode(config))
        #expect(decoded == config)
        let record = config.settingsRecord
        #expect(record["features.long"] == "false" && record["features.L1"] == "false" && record["features.segments"] == "false")
        let rebuilt = try ModelConfig.standard.applying(record.filter { $0.key != "tiers" }.map { "\($0.key)=\($0.value)" }.sorted())
        #expect(rebuilt == config)
    }

    @Test("a bad switch value names the key and what is allowed")
    func badValue() throws {
        #expect(throws: ModelConfigError.self) { try ModelConfig.standard.applying(["features.cooccurrence=no"]) }
        do {
            _ = try ModelConfig.standard.applying(["features.cooccurrence=no"])
        } catch {
            #expect(error.description == "features.cooccurrence=no: not a known value; allowed: one of true, false")
        }
    }
}
