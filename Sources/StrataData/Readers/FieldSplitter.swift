/// Splits a line into fields by a separator, filling a reused array of byte ranges so the hot
/// loop allocates nothing.
enum FieldSplitter {
    /// Splits on a one-byte separator (tab, comma, pipe). `a,,b` has three fields; `a,` two.
    static func split(_ line: UnsafeBufferPointer<UInt8>, on separator: UInt8, into fields: inout [Range<Int>]) {
        // Lines of a file mostly have the fields of the line before: overwriting those in place
        // checks uniqueness once, where appending checks it per field (a sixth of validate).
        let written = fields.withUnsafeMutableBufferPointer { slots -> Int? in
            var used = 0
            var start = 0
            for index in 0..<line.count where line[index] == separator {
                guard used < slots.count else { return nil }
                slots[used] = start..<index
                used += 1
                start = index + 1
            }
            guard used < slots.count else { return nil }
            slots[used] = start..<line.count
            return used + 1
        }
        if let written {
            if written < fields.count { fields.removeLast(fields.count - written) }
            return
        }
        fields.removeAll(keepingCapacity: true)
        var start = 0
        var index = 0
        let count = line.count
        while index < count {
            if line[index] == separator {
                fields.append(start..<index)
                start = index + 1
            }
            index += 1
        }
        fields.append(start..<count)
    }

    /// Splits on a two-byte separator such as `::` (MovieLens 1M/10M).
    static func split(_ line: UnsafeBufferPointer<UInt8>, on first: UInt8, _ second: UInt8, into fields: inout [Range<Int>]) {
        fields.removeAll(keepingCapacity: true)
        var start = 0
        var index = 0
        let count = line.count
        while index + 1 < count {
            if line[index] == first && line[index + 1] == second {
                fields.append(start..<index)
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        fields.append(start..<count)
    }
}
