/// A guided tour over a replay (issue 13, item 2): stops at the moments that matter, each with
/// a short note that points at a pane. Written as TOML files in `Datasets/lessons/`
/// (format: Docs/lessons.md); `strata lesson NAME` plays one.
public struct Lesson: Hashable, Sendable {
    public var name: String
    public var title: String
    /// The built-in scenario it runs on (`demo` unless the file says).
    public var scenario: String
    /// The user the lesson follows (external id).
    public var user: String
    /// Events per second between stops.
    public var speed: Int
    public var stops: [LessonStop]

    public init(name: String, title: String, scenario: String = "demo", user: String, speed: Int = 200, stops: [LessonStop]) {
        self.name = name
        self.title = title
        self.scenario = scenario
        self.user = user
        self.speed = speed
        self.stops = stops
    }
}

/// One stop: where it is (a position or the next moment of a kind), what to look at, the note.
public struct LessonStop: Hashable, Sendable {
    public var trigger: LessonTrigger
    /// The pane the note talks about (it gets the focus, so its frame is highlighted).
    public var pane: LessonPane
    public var title: String
    /// Its paragraphs (two to four lines of the note once wrapped).
    public var text: [String]
    /// Where the formula is explained, e.g. `Docs/model.md §4`.
    public var see: String?
    /// Turn the autopilot on (true) or off (false) when the stop is reached.
    public var autopilot: Bool?

    public init(trigger: LessonTrigger, pane: LessonPane, title: String, text: [String], see: String? = nil, autopilot: Bool? = nil) {
        self.trigger = trigger
        self.pane = pane
        self.title = title
        self.text = text
        self.see = see
        self.autopilot = autopilot
    }
}

/// When a stop is reached, counted from the previous stop.
public enum LessonTrigger: Hashable, Sendable {
    /// At this stream position (or at once if it is already behind).
    case position(Int)
    /// At the next interest-shift alert of the lesson's user.
    case driftAlert
    /// At the next tier-label change of the user's node at `path` (to `label`, when given).
    case labelChange(path: [String], label: InterestLabel?)
    /// When an item under `path` is first among the user's top recommendations (the top `count`).
    case recommendation(path: [String], count: Int)
    /// When the viewer accepts or rejects a recommendation (the lesson waits, paused).
    case decision
}

/// The panes a note can point at.
public enum LessonPane: String, CaseIterable, Hashable, Sendable {
    case tree, recommendations, stream, weights, timeline, status
}
