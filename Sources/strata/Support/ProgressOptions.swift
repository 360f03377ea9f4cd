import ArgumentParser
import Foundation
import StrataCore
import StrataData

/// `--progress` / `--no-progress` (Docs/cli.md "Progress"): a progress line on stderr for
/// long runs. By default only when stderr is a terminal, so a pipe, a file or CI never gets
/// it; stdout (the JSON) is never touched.
struct ProgressOptions: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "Show progress (rate, ETA) on stderr; default: only when stderr is a terminal.")
    var progress: Bool?

    var enabled: Bool { progress ?? (isatty(STDERR_FILENO) == 1) }

    func reporter(_ label: String, total: Int, unit: String = "events") -> ProgressReporter {
        ProgressReporter(label: label, total: total, unit: unit, enabled: enabled, inPlace: isatty(STDERR_FILENO) == 1)
    }

    /// For `LoadOptions.progress`: `reading ratings.csv  42% 196/467 MB · 80 MB/s · ETA 3 s`,
    /// one line per file; nil when progress is off, so readers pay nothing.
    func readProgress() -> ReadProgress? {
        guard enabled else { return nil }
        let files = FileProgress(options: self)
        return { path, done, size in files.update(path: path, done: done, size: size) }
    }
}

/// The progress lines of the files being read, one reporter per file. Readers call it from the
/// one thread that reads (`@unchecked Sendable` for the `@Sendable` ReadProgress closure).
final class FileProgress: @unchecked Sendable {
    private let options: ProgressOptions
    private var current: (path: String, done: Int, reporter: ProgressReporter)?

    init(options: ProgressOptions) { self.options = options }

    func update(path: String, done: Int, size: Int) {
        // A new file, or the same file read again (a second pass): a new line.
        let continues = current.map { $0.path == path && done >= $0.done } ?? false
        if !continues {
            current?.reporter.finish()
            let name = InputText.escaped((path as NSString).lastPathComponent)
            current = (path, 0, options.reporter("reading \(name)", total: Self.megabytes(size), unit: "MB"))
        }
        current?.done = done
        current?.reporter.update(Self.megabytes(done))
        if done >= size { current?.reporter.finish() }
    }

    private static func megabytes(_ bytes: Int) -> Int { (bytes + 999_999) / 1_000_000 }
}

/// Writes `label  42% 42,000/100,000 events · 51,200 events/s · ETA 1 s` to stderr at most
/// 10 times a second; on a terminal the line is rewritten in place (`\r`, erase to end of
/// line), else each update is a new line (at most one a second). A class: it holds the
/// running clock of one run, updated from closures.
final class ProgressReporter {
    let label: String
    let total: Int
    let unit: String
    let enabled: Bool
    let inPlace: Bool
    private let start = monotonicNanoseconds()
    private var lastWrite: UInt64 = 0
    private var wroteInPlace = false

    init(label: String, total: Int, unit: String, enabled: Bool, inPlace: Bool) {
        self.label = label
        self.total = total
        self.unit = unit
        self.enabled = enabled
        self.inPlace = inPlace
    }

    func update(_ done: Int) {
        guard enabled else { return }
        let now = monotonicNanoseconds()
        let interval: UInt64 = inPlace ? 100_000_000 : 1_000_000_000
        guard now &- lastWrite >= interval || done >= total else { return }
        lastWrite = now
        let seconds = Double(now &- start) / 1e9
        let rate = seconds > 0 ? Double(done) / seconds : 0
        var text = "\(label)  "
        if total > 0 {
            text += "\(Int((100 * Double(min(done, total)) / Double(total)).rounded(.down)))% \(Self.grouped(done))/\(Self.grouped(total)) \(unit)"
        } else {
            text += "\(Self.grouped(done)) \(unit)"
        }
        // A rate over the first fraction of a second says nothing (and a file's first chunk
        // arrives at once): no rate or ETA before 0.2 s.
        if seconds >= 0.2 {
            text += " · \(Self.grouped(Int(rate))) \(unit)/s"
            if total > 0, rate > 0, done < total { text += " · ETA \(Self.duration(Double(total - done) / rate))" }
        }
        write(inPlace ? "\r" + text + "\u{1B}[K" : text + "\n")
        wroteInPlace = inPlace
    }

    /// Ends the line (on a terminal: clears it, so what follows starts clean).
    func finish() {
        guard enabled, wroteInPlace else { return }
        write("\r\u{1B}[K")
        wroteInPlace = false
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return "\(Int(seconds.rounded(.up))) s" }
        let minutes = Int(seconds / 60)
        return "\(minutes) min \(Int(seconds) - minutes * 60) s"
    }
}
