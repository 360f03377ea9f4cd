import GRDB

extension SessionStore {
    /// Adds a bookmark at `position`, stamped with the number of decisions recorded so far,
    /// with the view to bring back when it is picked.
    @discardableResult
    public func addBookmark(position: Int, label: String, view: BookmarkView? = nil) throws(SessionError) -> Bookmark {
        try write("add bookmark") { db in
            let bookmark = Bookmark(
                position: position, label: label, createdSequence: try Self.nextSequence(db), view: view)
            try db.execute(
                sql: "INSERT INTO bookmark (position, label, createdSequence, user, speed, truth) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [bookmark.position, bookmark.label, bookmark.createdSequence,
                            view?.user, view?.eventsPerSecond, view.map { $0.showsTruth ? 1 : 0 }])
            return bookmark
        }
    }

    /// Every bookmark, in the order they were made.
    public func bookmarks() throws(SessionError) -> [Bookmark] {
        try read("read bookmarks") { db in
            // `*`: a file not migrated to v4 yet (read-only inspection) has no view columns.
            try Row.fetchAll(db, sql: "SELECT * FROM bookmark ORDER BY id")
                .map { row in
                    let user: String? = row["user"]
                    let speed: Int? = row["speed"]
                    let truth: Int? = row["truth"]
                    let view = user.map { BookmarkView(user: $0, eventsPerSecond: speed ?? 0, showsTruth: truth == 1) }
                    return Bookmark(
                        position: row["position"], label: row["label"],
                        createdSequence: row["createdSequence"], view: view)
                }
        }
    }
}
