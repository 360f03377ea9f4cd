import Testing
@testable import StrataCore

/// `PagedArray`: an array in copy-on-write pages (Docs/model.md design note 16).
@Suite struct PagedArrayTests {
    @Test("reads, writes and appends like an array, across page boundaries")
    func behavesLikeAnArray() {
        var reference = (0..<1_000).map { Double($0) * 0.5 }
        var paged = PagedArray(reference, pageShift: 4)
        #expect(paged.count == 1_000 && paged.pageCount == 63)
        #expect(Array(paged) == reference)
        for k in stride(from: 0, to: 1_000, by: 7) {
            paged[k] += 3
            reference[k] += 3
        }
        for k in 0..<40 {
            paged.append(Double(-k))
            reference.append(Double(-k))
        }
        #expect(paged.array == reference)
        #expect(paged == PagedArray(reference, pageShift: 9), "equal by elements, whatever the page size")
        var doubled = paged
        doubled.updateEachPage { _, page in for k in page.indices { page[k] *= 2 } }
        #expect(doubled.array == reference.map { $0 * 2 } && paged.array == reference)
        var visited: [Double] = []
        var offsets: [Int] = []
        paged.forEachPage { offset, page in
            offsets.append(offset)
            visited.append(contentsOf: page)
        }
        #expect(visited == reference)
        #expect(offsets == Array(stride(from: 0, to: 1_040, by: 16)))
        #expect(PagedArray(repeating: 1.0, count: 33, pageShift: 4).array == Array(repeating: 1.0, count: 33))
    }

    @Test("a copy is independent: a write changes one side only, and shares the other pages")
    func copiesAreValues() {
        var live = PagedArray(repeating: [1, 2, 3], count: 300, pageShift: 6)
        let checkpoint = live
        live[130][1] = 99
        live[256] = [7]
        #expect(checkpoint[130] == [1, 2, 3] && live[130] == [1, 99, 3])
        #expect(checkpoint[256] == [1, 2, 3] && live[256] == [7])
        #expect(checkpoint.array == Array(repeating: [1, 2, 3], count: 300))
        // Pages the write did not touch are the same buffers in both.
        var sharedPages = 0
        checkpoint.forEachPage { offset, a in
            live.forEachPage { other, b in if other == offset && a.baseAddress == b.baseAddress { sharedPages += 1 } }
        }
        #expect(sharedPages == 3, "of 5 pages, the two written were copied")
    }

    @Test("the state hasher reads a paged table as the same bytes as the array")
    func hashesAsTheArray() {
        let values = (0..<777).map { Double($0).squareRoot() }
        var a = StateHasher(), b = StateHasher()
        a.combine(values)
        b.combine(PagedArray(values, pageShift: 5))
        #expect(a.finalize() == b.finalize())
    }
}
