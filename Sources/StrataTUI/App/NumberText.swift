/// Number formatting for the screen without Foundation: fixed decimals, signs, thousands
/// separators, percentages. Deterministic and allocation-light (called for every cell of
/// every frame).
public enum NumberText {
    /// `1234567` → `"1,234,567"`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        result.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }

    /// `value` with `decimals` digits after the point; `sign` adds `+` to positives. NaN is
    /// `"nan"`; values beyond ±1e12 are `"±inf"`-like `"+big"`.
    public static func fixed(_ value: Double, decimals: Int, sign: Bool = false) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "+inf" : "-inf") }
        guard abs(value) < 1e12 else { return value > 0 ? "+big" : "-big" }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        let negative = value < 0 && scaled > 0
        var text = negative ? "-" : (sign ? "+" : "")
        text += String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: max(0, decimals - digits.count)) + digits
        }
        return text
    }

    /// A share 0…1 as a whole percentage: `0.417` → `"42%"`.
    public static func percent(_ share: Double) -> String {
        guard share.isFinite else { return "--%" }
        return String(Int((min(max(share, 0), 1) * 100).rounded())) + "%"
    }

    /// `text` padded with spaces on the left to `width` columns (ASCII text).
    public static func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    /// `text` padded with spaces on the right to `width` columns (ASCII text).
    public static func padRight(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
