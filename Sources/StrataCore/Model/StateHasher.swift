import Crypto

/// Feeds numbers into SHA-256 in a fixed byte order, for `StrataModel.stateHash`.
struct StateHasher {
    private var sha = SHA256()

    mutating func combine(_ values: [Double]) {
        combine(values.count)
        values.withUnsafeBytes { sha.update(bufferPointer: $0) }
    }

    /// The same bytes as the array of the same elements.
    mutating func combine(_ values: PagedArray<Double>) {
        combine(values.count)
        values.forEachPage { _, page in sha.update(bufferPointer: UnsafeRawBufferPointer(page)) }
    }

    mutating func combine(_ values: [Float]) {
        combine(values.count)
        values.withUnsafeBytes { sha.update(bufferPointer: $0) }
    }

    mutating func combine(_ values: [Int32]) {
        combine(values.count)
        values.withUnsafeBytes { sha.update(bufferPointer: $0) }
    }

    mutating func combine(_ values: [Int]) {
        combine(values.count)
        values.withUnsafeBytes { sha.update(bufferPointer: $0) }
    }

    mutating func combine(_ value: Double) { combine(Int(bitPattern: UInt(value.bitPattern))) }

    mutating func combine(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { sha.update(bufferPointer: $0) }
    }

    mutating func combine(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { sha.update(bufferPointer: $0) }
    }

    mutating func combine(_ value: String) {
        combine(value.utf8.count)
        sha.update(data: Array(value.utf8))
    }

    func finalize() -> String {
        sha.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
