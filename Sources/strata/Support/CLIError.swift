import StrataCore

/// A one-line error for the user; ArgumentParser prints it and exits non-zero. Input text in
/// it is quoted with `InputText.quoted` where it is interpolated; the whole message is
/// sanitized once more here, so no control byte of an argument or a file reaches the terminal.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = InputText.sanitized(description) }
}
