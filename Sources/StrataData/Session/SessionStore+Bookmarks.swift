import GRDB

extension SessionStore {
    /// Adds a bookmark at `position`, stamped with the number of decisions recorded so far.
    @discardableResult
    public func addBookmark(position: Int, label: String) throws(SessionError) -> Bookmark {
        try write("add bookmark") { db in
            let bookmark = Bookmark(
                position: position, label: label, createdSequence: try Self.nextSequence(db))
            try db.execute(
                sql: "INSERT INTO bookmark (position, label, createdSequence) VALUES (?, ?, ?)",
                arguments: [bookmark.position, bookmark.label, bookmark.createdSequence])
            return bookmark
        }
    }

    /// Every bookmark, in the order they were made.
    public func bookmarks() throws(SessionError) -> [Bookmark] {
        try read("read bookmarks") { db in
            try Row.fetchAll(db, sql: "SELECT position, label, createdSequence FROM bookmark ORDER BY id")
                .map { row in
                    Bookmark(
                        position: row["position"], label: row["label"],
                        createdSequence: row["createdSequence"])
                }
        }
    }
}
