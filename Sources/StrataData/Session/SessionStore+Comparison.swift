extension SessionStore {
    /// Model B of an A/B session as the explorer stored it (JSON), nil for a single model.
    public func comparison() throws(SessionError) -> String? { try text(.comparison) }

    /// Records model B once, when the session is created (it never changes afterwards).
    public func recordComparison(_ spec: String) throws(SessionError) { try record(spec, in: .comparison) }

    /// Model B stored in the session at `path`, read without writing (the file is left
    /// untouched when the request conflicts): nil for a missing file or a single-model session.
    public static func storedComparison(at path: String) throws(SessionError) -> String? {
        try storedText(.comparison, at: path)
    }
}
