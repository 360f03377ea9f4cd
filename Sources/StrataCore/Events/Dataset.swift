/// A catalogue, its users and an event stream in stream order (SPEC §2).
public struct Dataset: Sendable {
    public var name: String
    public var catalogue: Catalogue
    /// External user ids; `Event.user` indexes this array.
    public var userIDs: [String]
    public var events: [Event]
    /// SHA-256 (hex) of the source files, when the dataset came from files.
    public var fingerprint: String

    public init(name: String, catalogue: Catalogue, userIDs: [String], events: [Event], fingerprint: String = "") {
        self.name = name
        self.catalogue = catalogue
        self.userIDs = userIDs
        self.events = events
        self.fingerprint = fingerprint
    }
}
