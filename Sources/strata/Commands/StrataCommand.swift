import ArgumentParser

/// `strata`: with no subcommand, the explorer on the built-in demo (SPEC §9).
struct StrataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strata",
        abstract: "Look inside an adaptive recommender while it runs.",
        discussion: """
        With no subcommand, opens the explorer on the built-in demo. See Docs/ for the model, \
        the keys and research workflows.
        """,
        version: "0.1.0",
        subcommands: [
            ExploreCommand.self, ReplayCommand.self, EvalCommand.self, SimulateCommand.self,
            ExportCommand.self, PlotCommand.self, EmbedCommand.self, LessonCommand.self, DatasetsCommand.self, ModelsCommand.self, ConfigCommand.self, BenchCommand.self,
        ],
        defaultSubcommand: ExploreCommand.self
    )
}
