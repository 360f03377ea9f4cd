/// How late a drift detector noticed a scheduled drift (SPEC §6, scenarios).
public enum DriftDetectionDelay {
    /// Events from the drift's start to the first alert at or after it, or nil if no alert
    /// came at or after the start. Alerts may come in any order. O(alerts).
    public static func delay(driftStart: Int, alerts: [Int]) -> Int? {
        var best: Int?
        for alert in alerts where alert >= driftStart {
            if best.map({ alert - driftStart < $0 }) ?? true { best = alert - driftStart }
        }
        return best
    }

    /// Alerts raised before the drift started (false alarms). O(alerts).
    public static func falseAlarms(driftStart: Int, alerts: [Int]) -> Int {
        alerts.reduce(0) { $0 + ($1 < driftStart ? 1 : 0) }
    }
}
