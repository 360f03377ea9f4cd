/// Fixed-decimal formatting for SVG output: no locale, no exponent for ordinary values, no
/// `-0`, so the same chart is the same bytes everywhere.
enum PlotNumber {
    private static let powersOfTen: [Double] = (0...12).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    /// `value` rounded to `decimals` places (0...12), e.g. `fixed(2.345, 2) == "2.35"`.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "0" }
        let places = min(max(decimals, 0), 12)
        let scale = powersOfTen[places]
        let scaled = (abs(value) * scale).rounded()
        // Beyond 2^53 the fixed form has no exact digits left; Swift's shortest form is exact.
        guard scaled < 9.0e15 else { return "\(value)" }
        let units = Int64(scaled)
        let divisor = Int64(scale)
        let sign = value < 0 && units != 0 ? "-" : ""
        let whole = String(units / divisor)
        guard places > 0 else { return sign + whole }
        let fraction = String(units % divisor)
        return sign + whole + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// A pixel coordinate: two decimals.
    static func px(_ value: Double) -> String { fixed(value, 2) }
}
