import Testing
@testable import StrataCore

/// Issue 8 item 24: the built-in demo's final state is pinned, so any change to the model's
/// numbers is seen (and Docs/explorer.md's hashes re-made) rather than slipping through.
@Suite struct DemoStateHashTests {
    static let finalStateHash = "8125c13bc9226156f27b61b418c825ea15affb0b91a38e06e0aafa863b73b808"

    @Test func demoReplaysToThePinnedState() throws {
        var replayer = Replayer(dataset: try Scenario.demo.makeDataset())
        replayer.seek(to: replayer.total)
        print("demo final state hash \(replayer.model.stateHash)")
        #expect(replayer.model.stateHash == Self.finalStateHash)
    }
}
