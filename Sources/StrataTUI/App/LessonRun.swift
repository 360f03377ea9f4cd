import StrataCore

/// A lesson being played in the explorer (issue 13, item 2): which stop is on screen, which
/// comes next, and where each reached stop was, so `←` can go back to it exactly.
public struct LessonRun: Hashable, Sendable {
    public let lesson: Lesson
    /// The user the lesson follows.
    public let user: UserIndex
    /// Each stop's node (tier-change and recommendation triggers), resolved once.
    let nodes: [NodeIndex?]
    /// The stop whose note is on screen; nil while playing towards `next`.
    public internal(set) var shown: Int?
    /// The next stop to reach (`lesson.stops.count` when the last one is shown).
    public internal(set) var next = 0
    /// The position at which each stop so far was reached.
    var reachedAt: [Int] = []
    /// Decisions recorded when a `decision` stop was shown: it waits for one more.
    var decisionsWhenShown = 0

    /// Resolves the lesson against the data: its user and every node it names.
    /// - Throws: a message naming the stop and the node when one is not a category.
    public init(lesson: Lesson, dataset: Dataset) throws(LessonRunError) {
        guard let user = dataset.userIDs.firstIndex(of: lesson.user) else {
            throw LessonRunError(message: "user \(InputText.quoted(lesson.user)) is not in \(dataset.name)")
        }
        self.lesson = lesson
        self.user = user
        var nodes: [NodeIndex?] = []
        for (index, stop) in lesson.stops.enumerated() {
            switch stop.trigger {
            case .labelChange(let path, _), .recommendation(let path, _):
                guard let node = dataset.catalogue.taxonomy.existingNode(forPath: path) else {
                    throw LessonRunError(message: "stop \(index + 1): node \(InputText.quoted(path.joined(separator: "/"))) is not a category of \(dataset.name)")
                }
                nodes.append(node)
            default:
                nodes.append(nil)
            }
        }
        self.nodes = nodes
    }

    public var isFinished: Bool { shown == nil && next >= lesson.stops.count }
    public var shownStop: LessonStop? { shown.map { lesson.stops[$0] } }
}

/// A lesson that does not fit the data it runs on.
public struct LessonRunError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
