import StrataCore

/// How readers turn genres, years and categories into taxonomy paths (Docs/datasets.md).
enum ItemTaxonomy {
    static let unknownYear = "Unknown year"
    static let unknownGenre = "Unknown genre"

    /// "1990s" for 1995; "Unknown year" when there is no plausible year.
    static func decade(of year: Int?) -> String {
        guard let year, (1000...9999).contains(year) else { return unknownYear }
        return "\(year / 10 * 10)s"
    }

    /// One path `[genre, decade]` per genre (the item's evidence is shared among them);
    /// `[Unknown genre, decade]` when there is none.
    static func moviePaths(genres: [String], year: Int?) -> [[String]] {
        let decade = decade(of: year)
        let names = genres.isEmpty ? [unknownGenre] : genres
        var paths: [[String]] = []
        for genre in names where !paths.contains([genre, decade]) { paths.append([genre, decade]) }
        return paths
    }

    /// The genres of a MovieLens `Genre|Genre` field; "(no genres listed)" means none.
    static func movieLensGenres(_ field: String) -> [String] {
        field.split(separator: "|").map { String($0).trimmingBlanks }.filter { !$0.isEmpty && $0 != "(no genres listed)" }
    }

    /// The year in a MovieLens title such as `Toy Story (1995)` or `Babylon 5 (1994–1998)`:
    /// the last "(" followed by four digits.
    static func year(inTitle title: String) -> Int? {
        let scalars = Array(title.unicodeScalars)
        var index = scalars.count - 5
        while index >= 0 {
            if scalars[index] == "(" {
                let digits = scalars[(index + 1)...(index + 4)]
                if digits.allSatisfy({ $0.properties.numericType != nil && $0.isASCII }) {
                    return Int(String(String.UnicodeScalarView(digits)))
                }
            }
            index -= 1
        }
        return nil
    }

    /// The separators a category path is split on when the mapping names none, in order of
    /// preference: the first one the value holds is used, the others stay part of the names
    /// (`Sci-Fi › 1990s`, `Books > Fantasy/SF > Epic`, `Books/Fantasy`; Docs/datasets.md).
    static let defaultPathSeparators = ["›", ">", "/"]
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingBlanks: String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}

extension RawLine {
    /// A field of a file that may be Latin-1 or UTF-8 (MovieLens item files): UTF-8 when the
    /// bytes are valid UTF-8, else Latin-1. Latin-1 accented text is almost never valid UTF-8.
    func legacyText(_ range: Range<Int>) -> String {
        UTF8Validation.isValid(slice(range)) ? text(range) : latin1Text(range)
    }
}
