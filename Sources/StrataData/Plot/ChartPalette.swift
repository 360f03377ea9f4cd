/// The Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008), told apart by readers
/// with any common colour-vision deficiency. Yellow comes late because it is faint on white.
/// After eight series the colours repeat with a dash pattern, so lines stay distinct.
enum ChartPalette {
    static let colours = [
        "#0072B2",  // blue
        "#E69F00",  // orange
        "#009E73",  // bluish green
        "#D55E00",  // vermillion
        "#56B4E9",  // sky blue
        "#CC79A7",  // reddish purple
        "#000000",  // black
        "#F0E442",  // yellow
    ]
    private static let dashes: [String?] = [nil, "6 3", "2 2", "8 3 2 3"]

    /// Colour of the series at `index`.
    static func colour(_ index: Int) -> String { colours[index % colours.count] }

    /// Dash pattern of the series at `index`, nil for a solid line.
    static func dash(_ index: Int) -> String? { dashes[(index / colours.count) % dashes.count] }
}
