/// An array kept in pages of `2^pageShift` elements, each page its own copy-on-write buffer:
/// a copy shares every page, and a write copies only the page it lands in (Docs/model.md
/// design note 16). A checkpoint of the model therefore costs O(pages) references, and its
/// memory grows with the pages written since it was taken — not with the catalogue or the
/// user count, as a copied `[Element]` would (a 4 M-item table copied every 500 events).
///
/// Reads and writes are two indexings (page, then slot); bulk readers visit whole pages
/// (`forEachPage`), contiguous like an array's buffer.
public struct PagedArray<Element>: RandomAccessCollection, MutableCollection {
    private var pages: [[Element]] = []
    public private(set) var count = 0
    /// log2 of the page size.
    public let pageShift: Int

    /// Small pages for structs that hold arrays, whose copy retains each of them (the model:
    /// 8 users' states, 16 co-occurrence rows); 512 plain numbers (a 4 KiB page of `Double`).
    public init(pageShift: Int = 6) {
        precondition((0...20).contains(pageShift), "page shift must be 0…20, got \(pageShift)")
        self.pageShift = pageShift
    }

    public init(repeating value: Element, count: Int, pageShift: Int = 6) {
        self.init(pageShift: pageShift)
        let size = 1 << pageShift
        var left = count
        pages.reserveCapacity((count + size - 1) >> pageShift)
        while left > 0 {
            pages.append(Array(repeating: value, count: Swift.min(size, left)))
            left -= size
        }
        self.count = count
    }

    public init(_ elements: [Element], pageShift: Int = 6) {
        self.init(pageShift: pageShift)
        let size = 1 << pageShift
        var start = 0
        while start < elements.count {
            pages.append(Array(elements[start..<Swift.min(elements.count, start + size)]))
            start += size
        }
        count = elements.count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(index: Int) -> Element {
        // `_read` lends the element in place (a struct with arrays inside is not copied to be read).
        @inline(__always) _read {
            precondition(index >= 0 && index < count, "index \(index) outside 0..<\(count)")
            yield pages[index &>> pageShift][index & ((1 &<< pageShift) &- 1)]
        }
        @inline(__always) _modify {
            precondition(index >= 0 && index < count, "index \(index) outside 0..<\(count)")
            yield &pages[index &>> pageShift][index & ((1 &<< pageShift) &- 1)]
        }
    }

    public mutating func append(_ element: Element) {
        if count & ((1 << pageShift) - 1) == 0 {
            var page: [Element] = []
            page.reserveCapacity(1 << pageShift)
            pages.append(page)
        }
        pages[pages.count - 1].append(element)
        count += 1
    }

    /// Calls `body` with each page's elements in order and the index of its first element.
    public func forEachPage(_ body: (_ offset: Int, UnsafeBufferPointer<Element>) throws -> Void) rethrows {
        var offset = 0
        for page in pages {
            try page.withUnsafeBufferPointer { try body(offset, $0) }
            offset += page.count
        }
    }

    /// Applies `body` to each page's elements in place (every page is then written: a
    /// checkpoint sharing them keeps its own copies).
    public mutating func updateEachPage(_ body: (_ offset: Int, inout UnsafeMutableBufferPointer<Element>) throws -> Void) rethrows {
        var offset = 0
        for p in pages.indices {
            let size = pages[p].count
            try pages[p].withUnsafeMutableBufferPointer { try body(offset, &$0) }
            offset += size
        }
    }

    /// The elements as one array (a copy).
    public var array: [Element] {
        var out: [Element] = []
        out.reserveCapacity(count)
        for page in pages { out.append(contentsOf: page) }
        return out
    }

    /// Pages held (for the memory figures).
    public var pageCount: Int { pages.count }
}

extension PagedArray: Sendable where Element: Sendable {}

extension PagedArray: Equatable where Element: Equatable {
    public static func == (lhs: PagedArray, rhs: PagedArray) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }
}

extension PagedArray: Hashable where Element: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for element in self { hasher.combine(element) }
    }
}
