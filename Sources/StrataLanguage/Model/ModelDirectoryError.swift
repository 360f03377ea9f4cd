/// Why a model directory cannot be used: the file, and the tensor or key when one is at fault
/// (Docs/language-model.md "Errors").
///
///     model.safetensors: tensor 'encoder.layer.0.attention.self.query.weight': shape [384, 383], expected [384, 384]
public struct ModelDirectoryError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file at fault, relative to the model directory (or the directory itself).
    public var file: String
    /// The tensor or configuration key at fault, if one is.
    public var tensor: String?
    public var message: String

    public init(file: String, tensor: String? = nil, message: String) {
        self.file = file
        self.tensor = tensor
        self.message = message
    }

    public var description: String {
        if let tensor { return "\(file): tensor '\(Self.printable(tensor))': \(message)" }
        return "\(file): \(message)"
    }

    /// Names read from a file are shown escaped (never raw bytes on the terminal), at most 80 characters.
    static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(80) {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return text.unicodeScalars.count > 80 ? out + "…" : out
    }
}
