/// Lazily allocated ncurses colour pairs, one per (foreground, background) in use.
///
/// Pair 0 is the terminal default; others are numbered from 1 as new combinations appear, up
/// to the terminal's limit, after which the default pair is used. Palette indices are -1 for
/// "default colour".
struct ColorPairTable {
    private struct Key: Hashable {
        var foreground: Int16
        var background: Int16
    }

    private var pairs: [Key: Int16] = [:]
    private var next: Int16 = 1
    private let limit: Int
    private let define: (Int16, Int16, Int16) -> Void

    /// `pairLimit` is COLOR_PAIRS; `define(pair, fg, bg)` calls init_pair.
    init(pairLimit: Int, define: @escaping (Int16, Int16, Int16) -> Void) {
        self.limit = min(pairLimit, Int(Int16.max))
        self.define = define
    }

    /// The pair for these palette indices, defining it on first use. O(1) amortised.
    mutating func pair(foreground: Int, background: Int) -> Int16 {
        if foreground < 0 && background < 0 { return 0 }
        let key = Key(foreground: Int16(clamping: foreground), background: Int16(clamping: background))
        if let pair = pairs[key] { return pair }
        guard Int(next) < limit else { return 0 }
        let pair = next
        next += 1
        define(pair, key.foreground, key.background)
        pairs[key] = pair
        return pair
    }

    /// Number of pairs defined so far.
    var count: Int { pairs.count }
}
