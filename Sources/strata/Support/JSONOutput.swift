import Foundation

/// JSON on stdout, keys sorted so output is stable and diffable.
enum JSONOutput {
    static func encoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func print<T: Encodable>(_ value: T, pretty: Bool = true) throws {
        let data = try encoder(pretty: pretty).encode(value)
        Swift.print(String(decoding: data, as: UTF8.self))
    }

    static func line<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder(pretty: false).encode(value), as: UTF8.self)
    }
}

/// Monotonic nanoseconds for wall-time figures (the core takes time as a value).
func monotonicNanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Writes to stderr (never while the explorer owns the screen).
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
