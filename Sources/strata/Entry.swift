import ArgumentParser
import Foundation
import StrataCore

/// The one place that reads `CommandLine` (through ArgumentParser).
@main
struct StrataMain {
    static func main() {
        do {
            var command = try StrataCommand.parseAsRoot()
            try command.run()
        } catch {
            exit(reporting: error)
        }
    }

    /// ArgumentParser's own exit, unless its message would carry a control character of an
    /// argument (`--chart $'\e]0;x\a'`, a `--set` value): then the same message, sanitized by
    /// `InputText` (Docs/cli.md "Messages"), with the same exit code.
    static func exit(reporting error: any Error) -> Never {
        let message = StrataCommand.fullMessage(for: error)
        if !InputText.isPlain(message.replacingOccurrences(of: "\n", with: " ")) {
            FileHandle.standardError.write(Data((InputText.sanitized(message) + "\n").utf8))
            Foundation.exit(StrataCommand.exitCode(for: error).rawValue)
        }
        StrataCommand.exit(withError: error)
    }
}
