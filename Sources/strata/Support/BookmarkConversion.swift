import StrataData
import StrataTUI

/// Bookmarks between the session file (speed in events per second, 0 = full speed) and the
/// explorer (an index into its speed ladder).
enum BookmarkConversion {
    static func explorer(_ bookmark: Bookmark) -> ExplorerBookmark {
        ExplorerBookmark(position: bookmark.position, label: bookmark.label, view: bookmark.view.map { view in
            ExplorerBookmark.View(user: view.user, speedIndex: speedIndex(eventsPerSecond: view.eventsPerSecond),
                                  showsTruth: view.showsTruth)
        })
    }

    static func stored(_ view: ExplorerBookmark.View) -> BookmarkView {
        let ladder = PlaybackSpeed.ladder
        let rate = ladder.indices.contains(view.speedIndex) ? ladder[view.speedIndex] ?? 0 : 0
        return BookmarkView(user: view.user, eventsPerSecond: rate, showsTruth: view.showsTruth)
    }

    /// The ladder's step for a stored speed: full speed for 0, else the nearest step at or
    /// below it (a file written by hand may hold any rate).
    static func speedIndex(eventsPerSecond rate: Int) -> Int {
        let ladder = PlaybackSpeed.ladder
        guard rate > 0 else { return ladder.count - 1 }
        return ladder.lastIndex { step in step.map { $0 <= rate } ?? false } ?? 0
    }
}
