import GRDB

extension SessionStore {
    /// Model B of an A/B session as the explorer stored it (JSON), nil for a single model.
    public func comparison() throws(SessionError) -> String? {
        try read("read comparison") { db in
            try String.fetchOne(db, sql: "SELECT spec FROM comparison WHERE id = 1")
        }
    }

    /// Records model B once, when the session is created (it never changes afterwards).
    public func recordComparison(_ spec: String) throws(SessionError) {
        try write("record comparison") { db in
            try db.execute(sql: "INSERT OR REPLACE INTO comparison (id, spec) VALUES (1, ?)", arguments: [spec])
        }
    }
}
