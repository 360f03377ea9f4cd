/// How stream time reads in the status line: a UTC date for real data (unix seconds), the
/// step number for simulations.
public enum StreamTime {
    /// `"1997-12-04 15:55 UTC"` for unix seconds. Civil-from-days (Howard Hinnant's algorithm),
    /// so no Foundation and no time zone database.
    public static func utc(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(secondOfDay / 3_600)):\(two(secondOfDay % 3_600 / 60)) UTC"
    }

    /// The status line's time of an event.
    public static func describe(_ time: Int64, simulated: Bool) -> String {
        simulated ? "step " + NumberText.grouped(Int(time)) : utc(time)
    }
}
