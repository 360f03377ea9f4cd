import Foundation
import StrataCore
import StrataData
import StrataTUI

/// `explore` on a large log: its head is read first and explored at once while the whole log
/// loads behind it (Docs/explorer.md design note 6). Only a single event file in time order
/// qualifies: its head is then exactly the start of the stream, with the same item, node and
/// user numbering as the whole log's first events.
enum ExplorerPreview {
    /// Bytes of the log read for the preview (≈ 170 k events of a Taobao-shaped generic CSV).
    static let headBytes = 8 << 20
    /// Logs up to this size are loaded whole before the first frame (a few seconds at most).
    static let smallestPreviewedLog = 64 << 20

    /// The head of the log, or nil when the log is to be loaded whole: not one event file, too
    /// small, item vectors or an embedding taxonomy asked for (they need every item), the head
    /// not in time order (the stream's start is known only once all is read and sorted), or
    /// `user` not in the head.
    static func head(of source: DataSourceOptions, user: String?) throws -> LoadedSource? {
        guard let name = source.dataset, source.embed == nil, source.embeddings == nil, source.taxonomy == "data" else { return nil }
        let files = try source.resolveDataset(name)
        guard files.items == nil, files.users == nil, fileSize(files.events) > smallestPreviewedLog else { return nil }
        let head = try source.load(byteLimit: headBytes)
        guard head.outOfOrderEvents == 0, !head.dataset.events.isEmpty else { return nil }
        if let user, !head.dataset.userIDs.contains(user) { return nil }
        return head
    }

    /// Loads the whole log behind the explorer, its progress as the share of bytes read.
    static func wholeLog(of source: DataSourceOptions, preview: Dataset, config: ModelConfig) -> WholeLogLoader {
        WholeLogLoader(preview: preview, config: config) { progress in
            let loaded = try source.load(progress: { _, read, size in progress(size > 0 ? Double(read) / Double(size) : 0) })
            return WholeLogLoader.Loaded(dataset: loaded.dataset, warnings: loaded.warnings)
        }
    }

    private static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
