import StrataCore
/// Why the dataset cache could not give or fetch a dataset; each message says what to do.
public enum DatasetRegistryError: Error, CustomStringConvertible, Sendable {
    case unknownDataset(name: String, known: [String])
    case notFetched(name: String, directory: String)
    case fetchFailed(name: String, attempts: [String])
    case checksumMismatch(file: String, expected: String, found: String)
    case storeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .unknownDataset(let name, let known):
            return "unknown dataset \(InputText.quoted(name)); known datasets: \(known.joined(separator: ", "))"
        case .notFetched(let name, let directory):
            return "dataset \(InputText.quoted(name)) is not in the cache (\(directory)); run `strata datasets fetch \(name)`"
        case .fetchFailed(let name, let attempts):
            return "could not fetch \(InputText.quoted(name)):\n" + attempts.map { "  - \($0)" }.joined(separator: "\n")
        case .checksumMismatch(let file, let expected, let found):
            return "\(file): SHA-256 is \(found), expected \(expected); the download is not the known file"
        case .storeFailed(let path, let reason):
            return "could not store the dataset in \(path): \(reason)"
        }
    }
}
