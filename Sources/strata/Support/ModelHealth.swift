import StrataCore

extension StrataModel {
    /// Refuses to report numbers after the model met a non-finite value: the error names the
    /// first one (stream position, user, item, quantity) instead of printing NaN or writing empty
    /// cells (Docs/model.md "Finite values").
    func requireFinite() throws {
        if let fault { throw CLIError(fault.description) }
    }
}
