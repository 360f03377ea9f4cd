import StrataCore
import StrataData
import Testing
@testable import StrataTUI

/// Issue 13, item 2 as state transitions: a lesson's stops are reached on the very event of
/// their trigger, Space goes on, ← goes back exactly, a decision stop waits for the answer.
@Suite("Explorer: lessons")
struct ExplorerLessonTests {
    static func lessonState(_ name: String, width: Int = 120, height: Int = 40) throws -> ExplorerState {
        let lesson = try #require(try BuiltInLessons.lesson(named: name))
        var state = ExplorerFixtures.demoState(width: width, height: height)
        state.startLesson(try LessonRun(lesson: lesson, dataset: ExplorerFixtures.demo.dataset))
        return state
    }

    /// Frames every 1/30 s until the lesson shows a stop (at most `seconds` of simulated time).
    static func playToStop(_ state: inout ExplorerState, from start: UInt64 = 0, seconds: Double = 120) -> UInt64 {
        var now = start
        // Through a host, so the autopilot's answers are committed as the explorer's loop does.
        let host = NoSessionHost()
        while state.lesson?.shown == nil && now < start + UInt64(seconds * 1e9) {
            now += 33_333_333
            _ = host.dispatch(.tick(now: now), to: &state)
        }
        return now
    }

    static func plainHash(at position: Int) -> String {
        var replayer = Replayer(dataset: ExplorerFixtures.demo.dataset)
        replayer.seek(to: position)
        return replayer.model.stateHash
    }

    @Test("the drift lesson stops at 2,000, then on the drift alert's own event, and ← goes back exactly")
    func driftLesson() throws {
        var state = try Self.lessonState("drift")
        #expect(state.isPlaying && state.speedLabel == "200 ev/s")
        var now = Self.playToStop(&state)
        #expect(state.lesson?.shown == 0)
        #expect(state.replayer.position == 2_000)
        #expect(!state.isPlaying)
        // Space: on to the drift alert, reached in the frame it happens, on its event.
        _ = state.apply(.key(.char(" ")))
        #expect(state.isPlaying && state.lesson?.shown == nil)
        now = Self.playToStop(&state, from: now)
        #expect(state.lesson?.shown == 1)
        #expect(state.replayer.position == ExplorerMarksTests.cleoAlerts[0])
        #expect(state.model.driftAlerts.last { $0.user == state.focusedUser }?.position == state.replayer.position - 1)
        // ←: back to the first stop, the same state as a plain replay to 2,000.
        _ = state.apply(.key(.left))
        #expect(state.lesson?.shown == 0 && state.replayer.position == 2_000)
        #expect(state.model.stateHash == Self.plainHash(at: 2_000))
        _ = state.apply(.key(.left))
        #expect(state.notice?.text == "this is the lesson's first stop")
        // On again: the same alert; then the first Romance recommendation in the top three.
        _ = state.apply(.key(.char(" ")))
        now = Self.playToStop(&state, from: now)
        #expect(state.lesson?.shown == 1 && state.replayer.position == ExplorerMarksTests.cleoAlerts[0])
        _ = state.apply(.key(.char(" ")))
        now = Self.playToStop(&state, from: now)
        #expect(state.lesson?.shown == 2)
        #expect(state.focus == .recommendations)
        let romance = try #require(state.model.taxonomy.existingNode(forPath: ["Romance"]))
        #expect(state.recommendations.prefix(3).contains { state.dataset.catalogue.topLevelNodes[$0.item].contains(romance) })
        // Esc leaves the lesson; the explorer is the viewer's.
        _ = state.apply(.key(.escape))
        #expect(state.lesson == nil)
    }

    @Test("the feedback lesson waits at its decision stop until the viewer answers, then turns the autopilot on")
    func feedbackLesson() throws {
        var state = try Self.lessonState("feedback")
        var now = Self.playToStop(&state)
        #expect(state.lesson?.shown == 0 && state.replayer.position == 300 && state.focus == .weights)
        _ = state.apply(.key(.char(" ")))
        #expect(state.lesson?.shown == 1)   // the decision stop is shown at once
        _ = state.apply(.key(.char(" ")))
        #expect(state.lesson?.shown == 1)
        #expect(state.notice?.text.hasPrefix("the lesson waits for your answer") == true)
        ExplorerFixtures.press([.char("a")], on: &state)
        #expect(state.decisionCount == 1)
        #expect(state.lesson?.shown == 2)   // "what your answer changed", at once
        _ = state.apply(.key(.char(" ")))
        #expect(state.lesson?.shown == 3)
        #expect(state.autopilot)
        _ = state.apply(.key(.char(" ")))
        now = Self.playToStop(&state, from: now)
        #expect(state.lesson?.shown == 4 && state.replayer.position >= 1_500)
        _ = state.apply(.key(.char(" ")))
        #expect(state.lesson == nil)
        #expect(state.notice?.text.hasPrefix("end of the lesson") == true)
    }

    @Test("the bench's lesson run reaches every stop of each built-in lesson at full speed")
    func benchmarkReachesEveryStop() throws {
        for name in BuiltInLessons.names {
            let lesson = try #require(try BuiltInLessons.lesson(named: name))
            let run = try LessonRun(lesson: lesson, dataset: ExplorerFixtures.demo.dataset)
            var ticks: UInt64 = 0
            let played = ExplorerBenchmark.playLesson(run, from: ExplorerFixtures.demoState(), clock: { ticks += 1_000; return ticks })
            #expect(played.reached == lesson.stops.count, "\(name): \(played.reached) of \(lesson.stops.count) stops")
            #expect(played.late == 0)
        }
    }

    @Test("a stop whose trigger never comes: at the end of the stream the lesson says which and leaves")
    func missedStop() throws {
        let never = LessonStop(trigger: .labelChange(path: ["Documentary"], label: .core), pane: .tree,
                               title: "Never for cleo", text: ["cleo never makes Documentary core."])
        let lesson = Lesson(name: "never", title: "Waiting", user: "cleo", speed: 200, stops: [never])
        var state = ExplorerFixtures.demoState()
        state.startLesson(try LessonRun(lesson: lesson, dataset: ExplorerFixtures.demo.dataset))
        for _ in 0..<PlaybackSpeed.ladder.count { _ = state.apply(.key(.char("+"))) }
        var now: UInt64 = 0
        while state.lesson != nil && !state.replayer.isAtEnd {
            now += 33_333_333
            _ = state.apply(.tick(now: now))
        }
        #expect(state.replayer.isAtEnd && !state.isPlaying)
        #expect(state.lesson == nil)
        #expect(state.notice?.isError == true)
        #expect(state.notice?.text == "the stream ended before stop 1/1 'Never for cleo' of the lesson came: its trigger did not happen; the explorer is yours")
    }

    @Test("a lesson naming a node the data does not have is refused, naming the stop")
    func unknownNode() throws {
        let lesson = Lesson(name: "x", title: "X", user: "cleo", stops: [
            LessonStop(trigger: .labelChange(path: ["Westerns"], label: nil), pane: .tree, title: "t", text: ["a"]),
        ])
        #expect(throws: LessonRunError.self) { try LessonRun(lesson: lesson, dataset: ExplorerFixtures.demo.dataset) }
        do {
            _ = try LessonRun(lesson: lesson, dataset: ExplorerFixtures.demo.dataset)
        } catch {
            #expect(error.description == "stop 1: node 'Westerns' is not a category of demo")
        }
        let nobody = Lesson(name: "x", title: "X", user: "zoe", stops: lesson.stops)
        #expect(throws: LessonRunError.self) { try LessonRun(lesson: nobody, dataset: ExplorerFixtures.demo.dataset) }
    }
}

/// Golden screens of a lesson stop (the drift lesson's drift alert) at both sizes.
@Suite("Explorer: lesson stop screens (golden)")
struct ExplorerLessonSnapshotTests {
    @Test("a lesson stop at 120x40 and 80x24", arguments: [(120, 40), (80, 24)])
    func lessonStop(width: Int, height: Int) throws {
        var state = try ExplorerLessonTests.lessonState("drift", width: width, height: height)
        let now = ExplorerLessonTests.playToStop(&state)
        _ = state.apply(.key(.char(" ")))
        _ = ExplorerLessonTests.playToStop(&state, from: now)
        #expect(state.lesson?.shown == 1)
        var buffer = ScreenBuffer(width: width, height: height)
        ExplorerScreen.render(state, into: &buffer, glyphs: .unicode)
        GoldenFile.assertMatches(buffer.lines(), named: "lesson-stop-\(width)x\(height)")
    }
}

