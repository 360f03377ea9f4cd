import StrataCore

/// The focused user's tier changes and drift alerts, kept as the model's logs grow, so the
/// timeline (every frame) and `n`/`N` read the user's few marks instead of scanning every
/// user's (millions on a large log). Updated once per model change: the entries appended since
/// the last update are scanned; a rewind (the logs restored shorter or different) or another
/// focused user scans again from the start.
struct FocusedUserMarks: Hashable, Sendable {
    private(set) var user: UserIndex = -1
    /// The user's tier changes and drift alerts, in log order.
    private(set) var labelChanges: [LabelChange] = []
    private(set) var driftAlerts: [DriftAlert] = []
    private var scannedChanges = 0
    private var scannedAlerts = 0
    private var lastScannedChange: LabelChange?
    private var lastScannedAlert: DriftAlert?

    init() {}

    mutating func update(user: UserIndex, labelChanges allChanges: [LabelChange], driftAlerts allAlerts: [DriftAlert]) {
        let continues = user == self.user
            && allChanges.count >= scannedChanges && allAlerts.count >= scannedAlerts
            && (scannedChanges == 0 || allChanges[scannedChanges - 1] == lastScannedChange)
            && (scannedAlerts == 0 || allAlerts[scannedAlerts - 1] == lastScannedAlert)
        if !continues {
            self = FocusedUserMarks()
            self.user = user
        }
        for change in allChanges[scannedChanges...] where change.user == user { labelChanges.append(change) }
        for alert in allAlerts[scannedAlerts...] where alert.user == user { driftAlerts.append(alert) }
        scannedChanges = allChanges.count
        scannedAlerts = allAlerts.count
        lastScannedChange = allChanges.last
        lastScannedAlert = allAlerts.last
    }
}
