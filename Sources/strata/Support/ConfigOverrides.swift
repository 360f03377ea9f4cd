import ArgumentParser
import StrataCore
import StrataData

/// `--config FILE` and `--set key=value` overrides of the model config, for ablations and A/B
/// runs. Keys, ranges and checks are `ModelConfig.settings` (Docs/model.md "Configuration
/// keys"); the file is TOML or any output of strata that records its config (`ConfigFile`).
struct ConfigOverrides: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp("Model settings from a TOML file (`strata config show` writes one) or from any output of strata: an eval line, a replay report, an export, a chart, a session. --set applies on top.", valueName: "file"))
    var configFile: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a model setting, e.g. --set cooccurrence_window=0 (repeatable; keys: strata config show, Docs/model.md).", valueName: "key=value"))
    var settings: [String] = []

    /// Whether any setting was asked for (a reopened session refuses settings that differ).
    var isOverridden: Bool { configFile != nil || !settings.isEmpty }

    /// The defaults with the config file and then every `--set` applied and range-checked. A
    /// key the command never reads (`uses` lacks its `ModelSetting.Use`) is an error, not
    /// silently ignored.
    func config(command: String, uses: Set<ModelSetting.Use>) throws -> ModelConfig {
        let base = try configFile.map { try Self.load($0, onto: ModelConfig(), option: "--config", command: command, uses: uses) } ?? ModelConfig()
        return try Self.apply(settings, to: base, option: "--set", command: command, uses: uses)
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

    /// A config file applied to `base`. A setting the command does not use is refused when
    /// the file gives it a value other than the default (an output of strata records every
    /// key, the explorer's list settings at their defaults among them).
    static func load(_ path: String, onto base: ModelConfig, option: String, command: String,
                     uses: Set<ModelSetting.Use>) throws -> ModelConfig {
        let config: ModelConfig
        let file: ConfigFile
        do {
            file = try ConfigFile.load(path: path)
            config = try file.apply(to: base)
        } catch {
            throw ValidationError("\(option) \(error)")
        }
        let defaults = ModelConfig()
        for entry in file.entries {
            guard let setting = ModelConfig.setting(entry.key), !uses.contains(setting.use),
                  setting.value(in: config) != setting.value(in: defaults) else { continue }
            let place = InputText.escaped(path) + (entry.line.map { ":\($0)" } ?? "")
            throw ValidationError("\(option) \(place): \(entry.key): \(command) does not use this setting (\(Self.reason(setting.use))); leave it out")
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
