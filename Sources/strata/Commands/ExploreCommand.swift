import ArgumentParser

struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explore", abstract: "Open the terminal explorer.")
    @OptionGroup var source: DataSourceOptions
    func run() throws { throw CLIError("the explorer is not built yet; use `strata replay --headless`") }
}
