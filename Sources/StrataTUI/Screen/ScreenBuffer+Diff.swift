extension ScreenBuffer {
    /// Calls `body` with (x, y, cell) for every cell that differs from `previous`, row by row,
    /// left to right; for every cell when the sizes differ or `previous` is nil. A changed
    /// continuation cell reports its wide leading cell instead (backends never draw
    /// continuations). O(width × height).
    public func forEachChange(from previous: ScreenBuffer?, _ body: (_ x: Int, _ y: Int, _ cell: Cell) -> Void) {
        guard let previous, previous.width == width, previous.height == height else {
            for row in 0..<height {
                for column in 0..<width where cells[row * width + column].width != 0 {
                    body(column, row, cells[row * width + column])
                }
            }
            return
        }
        var lastReported = -1
        for index in cells.indices where cells[index] != previous.cells[index] {
            var target = index
            if cells[index].width == 0 {
                guard index % width > 0 else { continue }
                target = index - 1
            }
            guard target > lastReported else { continue }
            lastReported = target
            body(target % width, target / width, cells[target])
        }
    }
}
