import ArgumentParser
import StrataData

/// `strata lesson [NAME|FILE]`: a guided tour in the explorer (issue 13, item 2;
/// Docs/lessons.md). The same as `strata explore --lesson NAME`.
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Play a guided lesson in the explorer (tiers, drift, feedback, or a lesson file).",
        discussion: """
        The stream plays to each stop of the lesson, pauses, and a note points at the pane it talks \
        about; space goes on, ← goes back a stop, Esc leaves the lesson. --list prints the built-in \
        lessons. Write your own: Docs/lessons.md.
        """
    )

    @Argument(help: ArgumentHelp("A built-in lesson (tiers, drift, feedback) or a lesson file.", valueName: "name|file"))
    var lesson: String = "tiers"

    @Flag(name: .long, help: "Print the built-in lessons and their stops, and exit.")
    var list = false

    @Option(name: .long, help: "A session file (SQLite) to keep the lesson's decisions in.")
    var session: String?

    @Option(name: .long, help: ArgumentHelp("Colour theme: standard or projector (light background, for a class).", valueName: "standard|projector"))
    var theme: String = "standard"

    func run() throws {
        if list {
            for name in BuiltInLessons.names {
                guard let lesson = try BuiltInLessons.lesson(named: name) else { continue }
                print("\(name)\t\(lesson.title) (\(lesson.stops.count) stops, \(lesson.scenario), follows \(lesson.user))")
            }
            return
        }
        var arguments = ["--lesson", lesson, "--theme", theme]
        if let session { arguments += ["--session", session] }
        let explore = try ExploreCommand.parse(arguments)
        try explore.validate()
        try explore.run()
    }
}
