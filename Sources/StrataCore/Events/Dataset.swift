/// A catalogue, its users and an event stream in stream order (SPEC §2).
public struct Dataset: Sendable {
    public var name: String
    public var catalogue: Catalogue
    /// External user ids; `Event.user` indexes this array.
    public var userIDs: [String]
    /// The stream, packed (`EventLog`: 24 bytes an event).
    public var events: EventLog
    /// SHA-256 (hex) of the source files, when the dataset came from files.
    public var fingerprint: String

    public init(name: String, catalogue: Catalogue, userIDs: [String], events: EventLog, fingerprint: String = "") {
        self.name = name
        self.catalogue = catalogue
        self.userIDs = userIDs
        self.events = events
        self.fingerprint = fingerprint
    }

    public init(name: String, catalogue: Catalogue, userIDs: [String], events: [Event], fingerprint: String = "") {
        self.init(name: name, catalogue: catalogue, userIDs: userIDs, events: EventLog(events), fingerprint: fingerprint)
    }
}
