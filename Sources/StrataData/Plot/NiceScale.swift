import Foundation

/// Axis ticks at "nice" numbers (1, 2 or 5 times a power of ten) covering a data range,
/// after Heckbert, "Nice numbers for graph labels", Graphics Gems (1990).
struct NiceScale: Equatable {
    /// Axis bounds, multiples of `step` that enclose the data.
    let lower: Double
    let upper: Double
    /// Distance between ticks.
    let step: Double
    /// Decimals that show every tick exactly (0 for steps of 1 or more).
    let decimals: Int

    /// Ticks from `lower` to `upper` inclusive.
    var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        return (0...max(count, 0)).map { index in lower + Double(index) * step }
    }

    /// A scale for data in `minimum...maximum` with about `targetTicks` ticks.
    init(minimum: Double, maximum: Double, targetTicks: Int = 6) {
        var low = minimum.isFinite ? minimum : 0
        var high = maximum.isFinite ? maximum : 1
        if low > high { swap(&low, &high) }
        if low == high {
            // A flat series still gets an axis around its value.
            let pad = low == 0 ? 1 : abs(low) / 2
            low -= pad
            high += pad
        }
        let range = Self.nice(high - low, rounding: false)
        let step = Self.nice(range / Double(max(targetTicks - 1, 1)), rounding: true)
        self.step = step
        self.lower = (low / step).rounded(.down) * step
        self.upper = (high / step).rounded(.up) * step
        self.decimals = max(0, Int((-log10(step)).rounded(.up)))
    }

    /// The nice number nearest `value` (rounding) or at least `value` (not rounding).
    private static func nice(_ value: Double, rounding: Bool) -> Double {
        let exponent = log10(value).rounded(.down)
        let power = pow(10, exponent)
        let fraction = value / power
        let niceFraction: Double
        if rounding {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * power
    }
}

/// Maps data values onto pixels.
struct LinearMap {
    let domain: (lower: Double, upper: Double)
    let range: (lower: Double, upper: Double)

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.upper - domain.lower
        guard span != 0 else { return (range.lower + range.upper) / 2 }
        return range.lower + (value - domain.lower) / span * (range.upper - range.lower)
    }
}
