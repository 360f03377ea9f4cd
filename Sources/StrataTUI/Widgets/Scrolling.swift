/// Scroll arithmetic shared by `Table` and `ListView`; the offset is the caller's state.
public enum Scrolling {
    /// Index of the first visible row so that `selected` is visible, moving the window as
    /// little as possible from `previous`, and never scrolling past the last row. O(1).
    public static func offset(keeping selected: Int?, previous: Int, visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        let maxOffset = max(0, rowCount - visibleRows)
        var offset = min(max(0, previous), maxOffset)
        if let selected {
            let clamped = min(max(0, selected), rowCount - 1)
            if clamped < offset { offset = clamped }
            if clamped >= offset + visibleRows { offset = clamped - visibleRows + 1 }
        }
        return offset
    }
}
