import Foundation
import StrataCore
import StrataData

/// Creates or reopens a session for a dataset, shared by `explore` and `replay`: a new session
/// records the requested settings; a reopened one keeps the settings it was created with, so it
/// replays exactly.
enum SessionOpening {
    static func open(at path: String, dataset: Dataset, label: String, requested: ModelConfig) throws -> (store: SessionStore, config: ModelConfig) {
        let fingerprint = dataset.fingerprint.isEmpty ? "dataset:\(dataset.name)" : dataset.fingerprint
        let store = try SessionStore.open(at: path, fingerprint: fingerprint, datasetName: label,
                                          config: try JSONOutput.line(requested))
        let stored = try? JSONDecoder().decode(ModelConfig.self, from: Data(store.header.config.utf8))
        return (store, stored ?? requested)
    }
}
