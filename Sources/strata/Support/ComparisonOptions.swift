import ArgumentParser
import Foundation
import StrataCore
import StrataData
import StrataTUI

/// `explore --compare B`, `--b-set key=value` and `--model NAME` (issue 12, items 1–2;
/// Docs/explorer.md "A/B and other models").
struct ComparisonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Split the screen: A (this run's strata config) beside B, a model (\(RecommenderKind.names.joined(separator: ", "))) or the strata model with this config file; --b-set applies on top.", valueName: "model|file"))
    var compare: String?

    @Option(name: .customLong("b-set"), help: ArgumentHelp("Override for B's strata config (repeatable); implies --compare strata.", valueName: "key=value"))
    var bSettings: [String] = []

    @Option(name: .long, help: ArgumentHelp("The model whose recommendations the explorer shows and teaches: \(RecommenderKind.names.joined(separator: ", ")) (default strata). The interest tree stays strata's picture of the user.", valueName: "name"))
    var model: String?

    var isComparing: Bool { compare != nil || !bSettings.isEmpty }

    func validate() throws {
        if let model {
            guard let kind = RecommenderKind(rawValue: model) else {
                throw ValidationError("--model \(InputText.quoted(model)): unknown model; known: \(RecommenderKind.names.joined(separator: ", "))")
            }
            if isComparing && kind != .strata {
                throw ValidationError("--model \(model) with --compare: --compare always puts B beside strata; use --compare \(model)")
            }
        }
        if let compare, RecommenderKind(rawValue: compare) == nil, !FileManager.default.fileExists(atPath: compare) {
            throw ValidationError("--compare \(InputText.quoted(compare)): not a model (\(RecommenderKind.names.joined(separator: ", "))) and no such config file")
        }
        if !bSettings.isEmpty, let compare, let kind = RecommenderKind(rawValue: compare), kind != .strata {
            throw ValidationError("--b-set: B is \(compare), which has no settings; --b-set changes the strata model")
        }
    }

    /// What B is, as a value a session stores and compares (`model` + B's full config when
    /// B is the strata model).
    struct Spec: Codable, Hashable {
        var mode: String
        var model: String
        var config: ModelConfig?
        var label: String
    }

    /// B for a run whose A has `configA`, or nil for a single model.
    func spec(configA: ModelConfig, command: String, uses: Set<ModelSetting.Use>) throws -> Spec? {
        if let model, let kind = RecommenderKind(rawValue: model), kind != .strata {
            return Spec(mode: ComparisonSetup.Mode.shown.rawValue, model: kind.rawValue, config: nil, label: kind.rawValue)
        }
        guard isComparing else { return nil }
        if let compare, let kind = RecommenderKind(rawValue: compare), kind != .strata {
            return Spec(mode: ComparisonSetup.Mode.split.rawValue, model: kind.rawValue, config: nil, label: kind.rawValue)
        }
        var base = configA
        var label = "strata"
        if let compare, RecommenderKind(rawValue: compare) == nil {
            base = try ConfigOverrides.load(compare, onto: ModelConfig(), option: "--compare", command: command, uses: uses)
            label = URL(fileURLWithPath: compare).lastPathComponent
        }
        let config = try ConfigOverrides.apply(bSettings, to: base, option: "--b-set", command: command, uses: uses)
        if !bSettings.isEmpty { label += " " + bSettings.joined(separator: " ") }
        return Spec(mode: ComparisonSetup.Mode.split.rawValue, model: RecommenderKind.strata.rawValue, config: config, label: label)
    }
}

extension ComparisonOptions.Spec {
    /// B, fresh, for `dataset`.
    func make(for dataset: Dataset) throws -> any Recommender {
        guard let kind = RecommenderKind(rawValue: model) else {
            throw CLIError("model B \(InputText.quoted(model)): unknown; known: \(RecommenderKind.names.joined(separator: ", "))")
        }
        return kind.make(for: dataset, config: config ?? ModelConfig())
    }

    var setup: ComparisonSetup {
        ComparisonSetup(mode: ComparisonSetup.Mode(rawValue: mode) ?? .split, label: label)
    }
}
