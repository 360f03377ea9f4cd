import GRDB

extension SessionStore {
    /// Adds a bookmark at `position`, stamped with the number of decisions recorded so far,
    /// with the view to bring back when it is picked.
    @discardableResult
    public func addBookmark(position: Int, label: String, view: BookmarkView? = nil) throws(SessionError) -> Bookmark {
        try write("add bookmark") { db in
            let bookmark = Bookmark(
                position: position, label: label, createdSequence: try Self.nextSequence(db), view: view)
            try bookmark.insert(db)
            return bookmark
        }
    }

    /// Every bookmark, in the order they were made.
    public func bookmarks() throws(SessionError) -> [Bookmark] {
        try read("read bookmarks") { db in try Bookmark.order(Bookmark.Columns.id).fetchAll(db) }
    }
}
