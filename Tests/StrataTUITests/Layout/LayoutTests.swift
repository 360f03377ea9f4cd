import Testing
@testable import StrataTUI

@Suite struct LayoutTests {
    @Test(arguments: [
        ([Constraint.length(1), .fill, .length(1)], 10, 0, [1, 8, 1]),
        ([.percentage(30), .fill], 10, 0, [3, 7]),
        ([.percentage(50), .percentage(50)], 9, 0, [4, 4]),
        ([.min(5), .length(3)], 20, 0, [17, 3]),
        ([.min(2), .fill(1)], 10, 0, [6, 4]),
        ([.length(6), .length(6)], 10, 0, [6, 4]),
        ([.length(6), .min(3)], 4, 0, [4, 0]),
        ([.fill(1), .fill(3)], 8, 0, [2, 6]),
        ([.fill(1), .fill(3)], 10, 0, [3, 7]),
        ([.fill, .fill], 11, 1, [5, 5]),
        ([.length(3), .length(3)], 10, 0, [3, 3]),
        ([], 10, 0, []),
    ] as [([Constraint], Int, Int, [Int])])
    func lengths(constraints: [Constraint], total: Int, spacing: Int, expected: [Int]) {
        #expect(Layout.lengths(constraints, total: total, spacing: spacing) == expected)
    }

    @Test func splitsVertically() {
        let rows = Rect(x: 2, y: 1, width: 30, height: 10).split(.vertical, [.length(1), .fill, .length(1)])
        #expect(rows == [
            Rect(x: 2, y: 1, width: 30, height: 1),
            Rect(x: 2, y: 2, width: 30, height: 8),
            Rect(x: 2, y: 10, width: 30, height: 1),
        ])
    }

    @Test func splitsHorizontallyWithSpacing() {
        let columns = Layout.split(Rect(x: 0, y: 3, width: 11, height: 4), .horizontal, [.fill, .fill], spacing: 1)
        #expect(columns == [Rect(x: 0, y: 3, width: 5, height: 4), Rect(x: 6, y: 3, width: 5, height: 4)])
    }

    @Test func rectGeometry() {
        let rect = Rect(x: 2, y: 2, width: 10, height: 6)
        #expect(rect.centered(width: 4, height: 2) == Rect(x: 5, y: 4, width: 4, height: 2))
        #expect(rect.inset(by: 1) == Rect(x: 3, y: 3, width: 8, height: 4))
        #expect(rect.inset(by: 4).isEmpty)
        #expect(rect.intersection(Rect(x: 10, y: 0, width: 5, height: 3)) == Rect(x: 10, y: 2, width: 2, height: 1))
        #expect(rect.intersection(Rect(x: 20, y: 20, width: 1, height: 1)).isEmpty)
        #expect(rect.row(5) == Rect(x: 2, y: 7, width: 10, height: 1))
        #expect(rect.row(6).isEmpty)
    }
}
