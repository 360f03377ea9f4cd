/// Decoding helpers shared by the scenario types: a string coding key for JSON objects used as
/// maps, and a check that rejects misspelt fields instead of silently ignoring them
/// (a typo such as `"evnts"` would otherwise fall back to a default — Docs/scenarios.md §1).
struct AnyCodingKey: CodingKey, Hashable {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

extension Decoder {
    /// Throws `dataCorrupted` naming the first unknown key (sorted, so the message is stable).
    func rejectUnknownKeys(known: [String]) throws {
        let container = try self.container(keyedBy: AnyCodingKey.self)
        let allowed = Set(known)
        let unknown = container.allKeys.map(\.stringValue).filter { !allowed.contains($0) }.sorted()
        if let first = unknown.first {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: codingPath + [AnyCodingKey(first)],
                debugDescription: "unknown field \(InputText.quoted(first)) (expected one of: \(known.joined(separator: ", ")))"))
        }
    }
}

extension KeyedDecodingContainer where Key == AnyCodingKey {
    func decodeIfPresent<T: Decodable>(_ type: T.Type, _ key: String) throws -> T? {
        try decodeIfPresent(type, forKey: AnyCodingKey(key))
    }

    func decode<T: Decodable>(_ type: T.Type, _ key: String) throws -> T {
        try decode(type, forKey: AnyCodingKey(key))
    }

    /// A JSON object whose keys are free-form strings (category paths, word-list names).
    func decodeMap<T: Decodable>(_ type: T.Type, _ key: String) throws -> [String: T]? {
        guard contains(AnyCodingKey(key)) else { return nil }
        let nested = try nestedContainer(keyedBy: AnyCodingKey.self, forKey: AnyCodingKey(key))
        var map: [String: T] = [:]
        for entry in nested.allKeys { map[entry.stringValue] = try nested.decode(type, forKey: entry) }
        return map
    }
}

extension KeyedEncodingContainer where Key == AnyCodingKey {
    mutating func encode<T: Encodable>(_ value: T, _ key: String) throws {
        try encode(value, forKey: AnyCodingKey(key))
    }

    mutating func encodeIfPresent<T: Encodable>(_ value: T?, _ key: String) throws {
        try encodeIfPresent(value, forKey: AnyCodingKey(key))
    }

    /// Encodes a map with sorted keys so the output is stable.
    mutating func encodeMap<T: Encodable>(_ map: [String: T], _ key: String) throws {
        var nested = nestedContainer(keyedBy: AnyCodingKey.self, forKey: AnyCodingKey(key))
        for name in map.keys.sorted() {
            if let value = map[name] { try nested.encode(value, forKey: AnyCodingKey(name)) }
        }
    }
}

/// Splits a category path as written in scenarios (`"Sci-Fi/Space/Hard SF"`) into names.
func scenarioPathComponents(_ path: String) -> [String] {
    path.split(separator: "/", omittingEmptySubsequences: false).map { part in
        String(part).trimmingSpaces()
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " { scalars.removeFirst() }
        while let last = scalars.last, last == " " { scalars.removeLast() }
        return String(scalars)
    }
}

/// `"Sci-Fi / Space"` → `"Sci-Fi/Space"`: the form paths are compared in.
func normalisedScenarioPath(_ path: String) -> String {
    scenarioPathComponents(path).joined(separator: "/")
}
