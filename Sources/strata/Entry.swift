import ArgumentParser

/// The one place that reads `CommandLine` (through ArgumentParser).
@main
struct StrataMain {
    static func main() {
        StrataCommand.main()
    }
}
