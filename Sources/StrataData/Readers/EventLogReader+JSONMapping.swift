extension EventLogReader {
    /// Distinct keys collected for guessing; a log with more is not an event log we can guess.
    static let maximumGuessedKeys = 10_000

    /// The mapping of a JSON-lines log given without one, guessed from every key that appears
    /// in *any* object of the file, in order of first appearance (Docs/datasets.md "Column
    /// mapping"). Objects may leave keys out: `strata simulate` writes `value` only on ratings,
    /// so a guess from the first object alone dropped every rating. Costs one extra pass over
    /// the file; lines that are not JSON objects are skipped here and reported by the reading
    /// pass.
    static func guessedJSONMapping(path: String, options: LoadOptions) throws -> ColumnMapping {
        let reader = try LineReader(path: path, options: options)
        var keys: [String] = []
        var seen: Set<String> = []
        try reader.forEachLine({ line in
            guard seen.count < maximumGuessedKeys, !line.isBlank,
                  case .success(let object) = JSONLineParser.fields(of: line.bytes) else { return }
            // Sorted within an object: dictionary order is not stable from run to run.
            for key in object.keys.sorted() where seen.insert(key).inserted { keys.append(key) }
        }, problem: { _ in })
        return try resolve(nil, columns: keys, file: path, line: nil)
    }
}
