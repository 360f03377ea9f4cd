import ArgumentParser
import StrataCore

/// `--set key=value` overrides of the model config, for ablations and A/B runs. Keys, ranges
/// and checks are `ModelConfig.settings` (Docs/model.md "Configuration keys").
struct ConfigOverrides: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp("Override a model setting, e.g. --set cooccurrence_window=0 (repeatable; keys: Docs/model.md).", valueName: "key=value"))
    var settings: [String] = []

    /// The defaults with every `--set` applied and range-checked. A key the command never
    /// reads (`uses` lacks its `ModelSetting.Use`) is an error, not silently ignored.
    func config(command: String, uses: Set<ModelSetting.Use>) throws -> ModelConfig {
        try Self.apply(settings, to: ModelConfig(), option: "--set", command: command, uses: uses)
    }

    /// `settings` applied to `base` and checked (also `plot --b-set`).
    static func apply(_ settings: [String], to base: ModelConfig, option: String, command: String,
                      uses: Set<ModelSetting.Use>) throws -> ModelConfig {
        let config: ModelConfig
        do {
            config = try base.applying(settings)
        } catch {
            throw ValidationError("\(option) \(error)")
        }
        for assignment in settings {
            let key = String(assignment.prefix { $0 != "=" })
            guard let setting = ModelConfig.setting(key), !uses.contains(setting.use) else { continue }
            throw ValidationError("\(option) \(key): \(command) does not use this setting (\(Self.reason(setting.use))); leave it out")
        }
        return config
    }

    static func reason(_ use: ModelSetting.Use) -> String {
        switch use {
        case .learning: return "it changes what the model learns"
        case .slates: return "it shapes only the recommendation lists the explorer shows"
        case .shownSlates: return "it weighs only slates recorded with Replayer.show, which no command records"
        }
    }
}
