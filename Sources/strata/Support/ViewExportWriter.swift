import StrataCore
import StrataData
import StrataTUI

/// Performs the explorer's `.exportView`: the view's JSON and CSV files, each written
/// atomically (no half-written file, an existing one replaced only by a complete one), in
/// `directory` (the current one). The answer is the explorer's status line, never a write
/// to the terminal.
enum ViewExportWriter {
    static func write(_ view: ViewExport, in directory: String = ".") -> ExplorerFeedback {
        var written: [String] = []
        for (name, text) in [(view.jsonFileName, view.json()), (view.csvFileName, view.csv())] {
            let path = directory == "." ? name : directory + "/" + name
            do {
                try AtomicFileWriter.write(text, to: path)
                written.append(name)
            } catch {
                let reason = (error as? FileWriteError)?.reason ?? "\(error)"
                let done = written.isEmpty ? "" : "; \(written.joined(separator: ", ")) was written"
                return .viewExportFailed("\(InputText.escaped(name)): \(reason)\(done)")
            }
        }
        return .viewExported(files: written)
    }
}
