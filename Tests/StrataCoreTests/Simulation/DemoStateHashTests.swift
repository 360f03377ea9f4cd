import Testing
@testable import StrataCore

/// Issue 8 item 24: the built-in demo's final state is pinned, so any change to the model's
/// numbers is seen (and Docs/explorer.md's hashes re-made) rather than slipping through.
@Suite struct DemoStateHashTests {
    static let finalStateHash = "620a102f2cec31f6e0caeeb89c5323bd19619c1d089b4f22e7bc30ba1c2b59dd"

    @Test func demoReplaysToThePinnedState() throws {
        var replayer = Replayer(dataset: try Scenario.demo.makeDataset())
        replayer.seek(to: replayer.total)
        print("demo final state hash \(replayer.model.stateHash)")
        #expect(replayer.model.stateHash == Self.finalStateHash)
    }
}
