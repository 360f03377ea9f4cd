/// Independent PRNG streams derived from one scenario seed, so that titles, presets, each
/// user's choices, autopilot answers and the multi-user schedule never share draws: asking a
/// user for an autopilot answer, or stepping users in another order, does not change what
/// any other stream produces (Docs/scenarios.md §5).
enum SeedStream: UInt64 {
    case titles = 1, presets, choices, autopilot, schedule

    /// A generator for this stream and `index` (a user's position, or 0), mixed with the
    /// SplitMix64 finaliser so nearby seeds give unrelated streams.
    func generator(seed: UInt64, index: Int = 0) -> Xoshiro256StarStar {
        var z = seed ^ (rawValue &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(truncatingIfNeeded: index &+ 1) &* 0xD1B5_4A32_D192_ED03)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Xoshiro256StarStar(seed: z ^ (z >> 31))
    }
}

extension Xoshiro256StarStar {
    /// Index drawn with probability proportional to `weights` (non-negative, positive sum).
    /// One draw; walks the array in order, so the result is fixed by the weights' order.
    mutating func nextIndex(weightedBy weights: [Double], total: Double) -> Int {
        precondition(total > 0, "weights must have a positive sum, got \(total)")
        let target = nextUnit() * total
        var running = 0.0
        var last = 0
        for (index, weight) in weights.enumerated() where weight > 0 {
            running += weight
            last = index
            if target < running { return index }
        }
        return last   // rounding left `target` just above the running sum
    }
}
