import Testing
@testable import StrataCore

/// Issue 8 item 24: the built-in demo's final state is pinned, so any change to the model's
/// numbers is seen (and Docs/explorer.md's hashes re-made) rather than slipping through.
@Suite struct DemoStateHashTests {
    static let finalStateHash = "ec9348f26f72b9b430d6f211c5b69575b0965a442f6571ea6518d02b93bc2f56"

    @Test func demoReplaysToThePinnedState() throws {
        var replayer = Replayer(dataset: try Scenario.demo.makeDataset())
        replayer.seek(to: replayer.total)
        print("demo final state hash \(replayer.model.stateHash)")
        #expect(replayer.model.stateHash == Self.finalStateHash)
    }
}
