import StrataCore
import StrataData

/// Maps a session's recorded decisions (external ids) back to dense indices.
enum SessionDecisions {
    static func resolve(_ decisions: [StrataData.Decision], in dataset: Dataset, session: String) throws -> [ReplayDecision] {
        var userIndex: [String: UserIndex] = [:]
        for (index, id) in dataset.userIDs.enumerated() { userIndex[id] = index }
        return try decisions.map { decision in
            guard let user = userIndex[decision.user] else {
                throw CLIError("\(session): decision \(decision.sequence): user '\(decision.user)' is not in the dataset")
            }
            guard let item = dataset.catalogue.index(of: decision.item) else {
                throw CLIError("\(session): decision \(decision.sequence): item '\(decision.item)' is not in the catalogue")
            }
            guard let side = DecisionSide(rawValue: decision.side) else {
                throw CLIError("\(session): decision \(decision.sequence): side '\(SettingRange.shown(decision.side))' is not both, a or b")
            }
            return ReplayDecision(position: decision.streamPosition, user: user, item: item, accepted: decision.accepted, side: side)
        }
    }
}
