import ArgumentParser
import Foundation
import StrataCore
import StrataData

/// `strata config show`: the full effective model configuration (Docs/cli.md "config").
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the model configuration: every setting with its value, default and range.",
        subcommands: [Show.self],
        defaultSubcommand: Show.self
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print the effective configuration as TOML (what --config reads back) or JSON.",
            discussion: """
            With --config FILE and --set key=value, the configuration they make; with neither, the \
            defaults. `strata config show > ablation.toml`, edit, then `strata eval --config ablation.toml`.
            """
        )

        @OptionGroup var overrides: ConfigOverrides

        @Flag(name: .long, help: "One JSON object: key → {value, default, allowed, used_by}.")
        var json = false

        func validate() throws { _ = try effective() }

        /// Every use allowed: `show` applies no setting, it only prints them.
        func effective() throws -> ModelConfig {
            try overrides.config(command: "config show", uses: [.learning, .slates, .shownSlates])
        }

        func run() throws {
            let config = try effective()
            if json {
                let defaults = ModelConfig()
                var object: [String: Any] = [:]
                for setting in ModelConfig.settings {
                    guard let value = setting.value(in: config) else { continue }
                    object[setting.key] = ["value": value, "default": setting.value(in: defaults) ?? "",
                                           "allowed": setting.range.description, "used_by": ConfigFile.useName(setting.use)]
                }
                object["tiers"] = ["value": config.tiers.map(\.name).joined(separator: ","), "default": defaults.tiers.map(\.name).joined(separator: ","),
                                   "allowed": "not settable", "used_by": "all"]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                print(String(decoding: data, as: UTF8.self))
                return
            }
            var header = ["Strata model configuration: every setting, its value, and (after #) its default, allowed range and users.",
                          "Read back with --config FILE; meanings: Docs/model.md \"Configuration keys\"."]
            if let file = overrides.configFile { header.append("from --config " + InputText.escaped(file)) }
            if !overrides.settings.isEmpty { header.append("with --set " + overrides.settings.map { InputText.escaped($0) }.joined(separator: " ")) }
            print(ConfigFile.tomlText(for: config, header: header), terminator: "")
        }
    }
}
