import Foundation

/// One line of `strata datasets list`.
public struct DatasetListing: Hashable, Sendable {
    public var name: String
    public var summary: String
    /// The cache directory holding it, when it is there.
    public var localPath: String?
    public var format: DatasetFormat?
    /// True when `fetch(name)` knows where to get it.
    public var canFetch: Bool

    public var isAvailable: Bool { localPath != nil }
}

/// The registry of datasets: what is in the local cache, what can be fetched, fetching, and
/// resolving a name to files (Docs/datasets.md "Cache and fetch").
///
///     let registry = DatasetRegistry()
///     let files = try registry.resolve("ml-100k")   // or a message to run the fetch
///     let loaded = try DatasetLoader.load(files)
public struct DatasetRegistry: Sendable {
    public let cacheDirectory: String
    public let known: [KnownDataset]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, known: [KnownDataset] = KnownDataset.all) {
        self.init(cacheDirectory: CacheLocation.directory(environment: environment), known: known)
    }

    public init(cacheDirectory: String, known: [KnownDataset] = KnownDataset.all) {
        self.cacheDirectory = cacheDirectory
        self.known = known
    }

    public var datasetsDirectory: String { (cacheDirectory as NSString).appendingPathComponent("datasets") }

    public func directory(of name: String) -> String { (datasetsDirectory as NSString).appendingPathComponent(name) }

    /// Known datasets (available or fetchable), then any other dataset directory in the cache.
    public func list() -> [DatasetListing] {
        var listings: [DatasetListing] = known.map { dataset in
            let files = try? FormatDetector.detectDirectory(directory(of: dataset.name))
            return DatasetListing(name: dataset.name, summary: dataset.summary,
                                  localPath: files == nil ? nil : directory(of: dataset.name),
                                  format: files?.format, canFetch: true)
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: datasetsDirectory)) ?? []).sorted()
        for name in names where !name.hasPrefix(".") && !known.contains(where: { $0.name == name }) {
            guard let files = try? FormatDetector.detectDirectory(directory(of: name)) else { continue }
            listings.append(DatasetListing(name: name, summary: files.format.displayName,
                                           localPath: directory(of: name), format: files.format, canFetch: false))
        }
        return listings
    }

    /// The files of a dataset in the cache, or `DatasetRegistryError.notFetched` saying how to fetch it.
    public func resolve(_ name: String) throws -> DatasetFiles {
        let path = directory(of: name)
        guard FileManager.default.fileExists(atPath: path) else {
            if known.contains(where: { $0.name == name }) { throw DatasetRegistryError.notFetched(name: name, directory: path) }
            throw DatasetRegistryError.unknownDataset(name: name, known: known.map(\.name))
        }
        var files = try FormatDetector.detectDirectory(path)
        files.name = name
        return files
    }

    /// Downloads a known dataset into the cache, trying its sources in order: each download
    /// goes to a temporary directory beside the destination, its files are checked (present,
    /// SHA-256 when known), and only then is the directory renamed into place, so the cache
    /// never holds a half-fetched dataset. An existing copy is replaced only on success.
    @discardableResult
    public func fetch(_ name: String, log: (String) -> Void = { _ in }) throws -> DatasetFiles {
        guard let dataset = known.first(where: { $0.name == name }) else {
            throw DatasetRegistryError.unknownDataset(name: name, known: known.map(\.name))
        }
        do {
            try FileManager.default.createDirectory(atPath: datasetsDirectory, withIntermediateDirectories: true)
        } catch {
            throw DatasetRegistryError.storeFailed(path: datasetsDirectory, reason: "\(error)")
        }
        var attempts: [String] = []
        for source in dataset.sources {
            let temporary = (datasetsDirectory as NSString)
                .appendingPathComponent(".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            defer { try? FileManager.default.removeItem(atPath: temporary) }
            do {
                try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
                try source.download(into: temporary, log: log)
                try Self.check(source.files, in: temporary)
                try install(temporary, as: name)
                log("stored \(name) from \(source.summary) in \(directory(of: name))")
                return try resolve(name)
            } catch let error as DatasetRegistryError {
                if case .storeFailed = error { throw error }
                attempts.append("\(source.summary): \(error)")
            } catch {
                attempts.append("\(source.summary): \(error)")
            }
            log("failed: \(attempts.last ?? "")")
        }
        throw DatasetRegistryError.fetchFailed(name: name, attempts: attempts)
    }

    /// Every required file is there and matches its SHA-256 when one is known.
    static func check(_ files: [KnownDataset.ExpectedFile], in directory: String) throws {
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file.name)
            guard FileManager.default.fileExists(atPath: path) else {
                if file.isOptional { continue }
                throw ToolError(command: "check", message: "the download has no \(file.name)")
            }
            if let expected = file.sha256 {
                let found = try FileDigest.sha256(ofFileAt: path)
                guard found == expected else { throw DatasetRegistryError.checksumMismatch(file: file.name, expected: expected, found: found) }
            }
        }
    }

    /// Renames `temporary` to `datasets/NAME`, moving an older copy aside first and deleting
    /// it only once the new one is in place.
    private func install(_ temporary: String, as name: String) throws {
        let destination = directory(of: name)
        var old: String?
        if FileManager.default.fileExists(atPath: destination) {
            let aside = (datasetsDirectory as NSString).appendingPathComponent(".\(name).old-\(getpid())")
            try? FileManager.default.removeItem(atPath: aside)
            guard rename(destination, aside) == 0 else {
                throw DatasetRegistryError.storeFailed(path: destination, reason: String(cString: strerror(errno)))
            }
            old = aside
        }
        guard rename(temporary, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            if let old { _ = rename(old, destination) }
            throw DatasetRegistryError.storeFailed(path: destination, reason: reason)
        }
        if let old { try? FileManager.default.removeItem(atPath: old) }
    }
}
