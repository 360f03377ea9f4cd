import StrataCore

/// The scenarios that are part of the program: `demo` (built in code) and the files of
/// `Datasets/scenarios`, compiled in by `Scripts/embed-scenarios` so that `--scenario drift`
/// works from any directory and from a copied binary, with no file to find at run time
/// (Docs/scenarios.md "Built-in scenarios").
public enum BuiltInScenarios {
    /// `demo` first, then the embedded files by name.
    public static var names: [String] { ["demo"] + texts.map(\.name) }

    /// The exact JSON text of an embedded scenario, or nil for another name.
    public static func json(named name: String) -> String? {
        texts.first { $0.name == name }?.json
    }

    /// The built-in scenario called `name`, or nil when there is none.
    /// - Throws: `ScenarioError` only if an embedded file is invalid (a test keeps them valid).
    public static func scenario(named name: String) throws(ScenarioError) -> Scenario? {
        if name == "demo" { return .demo }
        guard let json = json(named: name) else { return nil }
        return try ScenarioFile.decode(Array(json.utf8), file: "\(name).json (built in)")
    }

    /// Whether a `--scenario` value names a built-in scenario rather than a file: a bare name,
    /// without `/` or a `.json` extension, that is one of `names`.
    public static func isName(_ reference: String) -> Bool {
        !reference.contains("/") && !reference.lowercased().hasSuffix(".json") && names.contains(reference)
    }
}
