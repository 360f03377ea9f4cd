/// Replay speeds `+`/`-` move through: events per second, then full speed (as many events as
/// fit in each frame's work budget).
public enum PlaybackSpeed {
    /// Events per second for each step of the ladder; nil is full speed.
    public static let ladder: [Int?] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, nil]
    /// Index of the speed the explorer starts at (50 events/s).
    public static let defaultIndex = 5

    /// `"50 ev/s"`, `"max"`.
    public static func label(index: Int) -> String {
        guard ladder.indices.contains(index), let rate = ladder[index] else { return "max" }
        return NumberText.grouped(rate) + " ev/s"
    }

    /// `"50/s"`, `"max"` for narrow status lines.
    public static func shortLabel(index: Int) -> String {
        guard ladder.indices.contains(index), let rate = ladder[index] else { return "max" }
        return NumberText.grouped(rate) + "/s"
    }
}
