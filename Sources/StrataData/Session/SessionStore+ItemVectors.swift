extension SessionStore {
    /// The item vectors record stored when the session was created (JSON), nil for a session
    /// from before migration v3.
    public func itemVectors() throws(SessionError) -> String? { try text(.itemVectors) }

    /// Records the run's item vectors once, when the session is created.
    public func recordItemVectors(_ record: String) throws(SessionError) { try self.record(record, in: .itemVectors) }

    /// The same, read without writing: nil for a missing file or one before v3.
    public static func storedItemVectors(at path: String) throws(SessionError) -> String? {
        try storedText(.itemVectors, at: path)
    }
}
