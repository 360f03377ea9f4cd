/// Numbers parsed straight from bytes, without making a `String` (the hot path of every reader).
enum NumberParsing {
    /// Exact powers of ten as doubles (10^0 … 10^22 are all exactly representable).
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// A decimal number such as `4`, `-3.5`, `881250949`, `1.2e3` (surrounding spaces allowed).
    /// Returns nil for anything else, including `nan`, `inf`, hex and empty text.
    ///
    /// Up to 15 significant digits with a small exponent are computed as one exact integer
    /// divided or multiplied by an exact power of ten, which IEEE rounds correctly; anything
    /// longer falls back to the standard library's correctly rounded parser.
    static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        var end = bytes.count
        while index < end && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        while end > index && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        guard index < end else { return nil }
        let textStart = index
        var negative = false
        if bytes[index] == 0x2D || bytes[index] == 0x2B {
            negative = bytes[index] == 0x2D
            index += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var digitCount = 0
        var fractionDigits = 0
        while index < end, bytes[index] &- 0x30 < 10 {
            let digit = UInt64(bytes[index] &- 0x30)
            if mantissa > 0 || digit > 0 { significantDigits += 1 }
            if significantDigits <= 19 { mantissa = mantissa &* 10 &+ digit }
            digitCount += 1
            index += 1
        }
        if index < end && bytes[index] == 0x2E {
            index += 1
            while index < end, bytes[index] &- 0x30 < 10 {
                let digit = UInt64(bytes[index] &- 0x30)
                if mantissa > 0 || digit > 0 { significantDigits += 1 }
                if significantDigits <= 19 { mantissa = mantissa &* 10 &+ digit }
                digitCount += 1
                fractionDigits += 1
                index += 1
            }
        }
        guard digitCount > 0 else { return nil }
        var exponent = 0
        if index < end && (bytes[index] == 0x65 || bytes[index] == 0x45) {
            index += 1
            var exponentNegative = false
            if index < end && (bytes[index] == 0x2D || bytes[index] == 0x2B) {
                exponentNegative = bytes[index] == 0x2D
                index += 1
            }
            var exponentDigits = 0
            while index < end, bytes[index] &- 0x30 < 10 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[index] &- 0x30) }
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            if exponentNegative { exponent = -exponent }
        }
        guard index == end else { return nil }
        let scale = exponent - fractionDigits
        if significantDigits <= 15 && scale >= -22 && scale <= 22 {
            var value = Double(mantissa)
            if scale < 0 { value /= powersOfTen[-scale] } else if scale > 0 { value *= powersOfTen[scale] }
            return negative ? -value : value
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[textStart..<end]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// A decimal integer such as `42` or `-7` (surrounding spaces allowed); nil on overflow.
    static func int64(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        var end = bytes.count
        while index < end && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        while end > index && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        guard index < end else { return nil }
        var negative = false
        if bytes[index] == 0x2D || bytes[index] == 0x2B {
            negative = bytes[index] == 0x2D
            index += 1
        }
        guard index < end else { return nil }
        var value: Int64 = 0
        while index < end {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = negative ? times.subtractingReportingOverflow(Int64(digit))
                                            : times.addingReportingOverflow(Int64(digit))
            guard !overflow1 && !overflow2 else { return nil }
            value = sum
            index += 1
        }
        return value
    }
}
