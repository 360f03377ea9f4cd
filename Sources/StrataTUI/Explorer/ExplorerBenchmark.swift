import StrataCore

/// The explorer's figures for `strata bench` (issue 3), measured with a clock the caller
/// passes (monotonic nanoseconds). Run it on a release build; numbers from debug builds mean
/// nothing.
///
/// - `explorer_frame_200x60_median_ms`: build a 200×60 buffer and render a full frame of the
///   demo 2,000 events in (with a decision, the truth overlay on), median of 200.
/// - `explorer_replay_events_per_second`: playing at full speed for 150 frames with a frame
///   rendered every 1/30 s (the demo restarts when it ends), events replayed per second of (simulated) wall time; a frame whose work takes
///   longer than 1/30 s counts its real duration.
/// - `explorer_frames_per_second`: the frame rate that run kept.
/// - `explorer_bare_replayer_events_per_second`: `Replayer.step` alone over the demo (learning
///   and the running HR@10, no screen), the ceiling for the figure above.
/// - `explorer_key_latency_max_ms`: the worst time from a key arriving during a frame's work
///   to the frame that shows it (the rest of the tick + the key + a render).
/// - `explorer_first_frame_ms`: building the demo (world, stream, replayer, state) and
///   rendering the first 120×40 frame, in process (ncurses start-up excluded).
/// - `explorer_split_frame_200x60_median_ms`: the A/B split (ItemKNN beside the adaptive
///   model, issue 12) rendered at 200×60 on the demo 2,000 events in, median of 200.
/// - `explorer_split_replay_events_per_second`, `explorer_split_frames_per_second`: the split
///   playing at full speed as above, both models learning every event — on the data passed as
///   `splitDataset` (the bench passes MovieLens-100k), else on the demo;
///   `explorer_split_slow_frames` (and `explorer_slow_frames` for the single view): frames of
///   the 150 whose work took longer than 1/30 s, `explorer_split_worst_frame_ms` the longest.
///   The tick in which the stream ends (the explorer pauses there and computes the state hash
///   it then shows, ≈ 80 ms for both models on MovieLens-100k) is not a frame of playing: it
///   is left out of these and reported alone as `explorer_split_end_of_stream_ms`.
/// - `explorer_lesson_stops_reached`, `explorer_lesson_stop_frame_max_ms`,
///   `explorer_lesson_stop_frames_late`: every stop of the `lessons` passed (the built-in
///   ones), each lesson played at full speed with a frame every 1/30 s: how many stops were
///   reached, the longest frame (its tick plus the render) in which a stop was reached and
///   drawn, and how many of those frames took longer than 1/30 s. A lesson stops the replay
///   on the trigger's own event and draws the stop in that tick's frame, so a stop is late
///   only if that frame is.
public enum ExplorerBenchmark {
    public static func run(clock: () -> UInt64, splitDataset: Dataset? = nil, lessons: [Lesson] = []) -> [String: Double] {
        var results: [String: Double] = [:]
        func milliseconds(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1_000_000 }

        // First frame.
        let start = clock()
        guard let world = try? ScenarioWorld(scenario: .demo) else { return [:] }
        let dataset = world.makeDataset()
        var state = ExplorerState(replayer: Replayer(dataset: dataset), world: world,
                                  configuration: .init(sourceLabel: "scenario:demo"), size: TerminalSize(width: 120, height: 40))
        var first = ScreenBuffer(width: 120, height: 40)
        ExplorerScreen.render(state, into: &first, glyphs: .unicode)
        results["explorer_first_frame_ms"] = milliseconds(clock() - start)

        // A full 200×60 frame.
        _ = state.apply(.resize(width: 200, height: 60))
        for _ in 0..<20 { _ = state.apply(.key(.char("]"))) }
        NoSessionHost().dispatch(.key(.char("a")), to: &state)
        _ = state.apply(.key(.char("t")))
        results["explorer_frame_200x60_median_ms"] = milliseconds(medianFrame(state, width: 200, height: 60, clock: clock))

        // The split view, the same frame.
        var split = ExplorerState(replayer: Replayer(dataset: dataset, companion: RecommenderKind.itemKNN.make(for: dataset, config: .standard)),
                                  world: world, configuration: .init(sourceLabel: "scenario:demo", comparison: ComparisonSetup(mode: .split, label: "item-knn")),
                                  size: TerminalSize(width: 200, height: 60))
        for _ in 0..<20 { _ = split.apply(.key(.char("]"))) }
        NoSessionHost().dispatch(.key(.char("a")), to: &split)
        results["explorer_split_frame_200x60_median_ms"] = milliseconds(medianFrame(split, width: 200, height: 60, clock: clock))

        // The replayer alone (learning plus the running HR@10), for comparison.
        var bare = Replayer(dataset: dataset)
        let bareStart = clock()
        bare.step(count: dataset.events.count)
        let bareSeconds = Double(clock() - bareStart) / 1_000_000_000
        results["explorer_bare_replayer_events_per_second"] = bareSeconds > 0 ? Double(dataset.events.count) / bareSeconds : 0

        // Full speed with rendering at 30 fps, from the start of the stream.
        let single = ExplorerState(replayer: Replayer(dataset: dataset), world: world,
                                   configuration: .init(sourceLabel: "scenario:demo"), size: TerminalSize(width: 120, height: 40))
        let played = playAtFullSpeed(single, clock: clock)
        results["explorer_replay_events_per_second"] = played.eventsPerSecond
        results["explorer_frames_per_second"] = played.framesPerSecond
        results["explorer_key_latency_max_ms"] = milliseconds(played.worstFrame)
        results["explorer_slow_frames"] = Double(played.slowFrames.count)

        let pairData = splitDataset ?? dataset
        let pair = ExplorerState(replayer: Replayer(dataset: pairData, companion: RecommenderKind.itemKNN.make(for: pairData, config: .standard)),
                                 world: splitDataset == nil ? world : nil,
                                 configuration: .init(sourceLabel: pairData.name, comparison: ComparisonSetup(mode: .split, label: "item-knn")),
                                 size: TerminalSize(width: 120, height: 40))
        let pairPlayed = playAtFullSpeed(pair, clock: clock)
        results["explorer_split_replay_events_per_second"] = pairPlayed.eventsPerSecond
        results["explorer_split_frames_per_second"] = pairPlayed.framesPerSecond
        results["explorer_split_slow_frames"] = Double(pairPlayed.slowFrames.count)
        results["explorer_split_worst_frame_ms"] = milliseconds(pairPlayed.worstFrame)
        results["explorer_split_end_of_stream_ms"] = milliseconds(pairPlayed.endOfStream)

        if !lessons.isEmpty {
            var reached = 0, late = 0
            var worstStop: UInt64 = 0
            for lesson in lessons {
                guard let run = try? LessonRun(lesson: lesson, dataset: dataset) else { continue }
                let stops = playLesson(run, from: single, clock: clock)
                reached += stops.reached
                late += stops.late
                worstStop = max(worstStop, stops.worstFrame)
            }
            results["explorer_lesson_stops_reached"] = Double(reached)
            results["explorer_lesson_stop_frame_max_ms"] = milliseconds(worstStop)
            results["explorer_lesson_stop_frames_late"] = Double(late)
        }
        return results
    }

    /// Plays `run` at full speed, a frame (tick + 120×40 render) every 1/30 s; at each stop
    /// the viewer goes on (Space) or, at a decision stop, accepts.
    static func playLesson(_ run: LessonRun, from start: ExplorerState, clock: () -> UInt64)
        -> (reached: Int, late: Int, worstFrame: UInt64) {
        var state = start
        state.startLesson(run)
        for _ in 0..<PlaybackSpeed.ladder.count { _ = state.apply(.key(.char("+"))) }
        let host = NoSessionHost()
        let frame: UInt64 = 1_000_000_000 / 30
        var now: UInt64 = 0
        var reached = 0, late = 0
        var worst: UInt64 = 0
        var frames = 0
        var presses = 0
        while let lesson = state.lesson, frames < 30 * 600, presses < 1_000 {
            if let shown = lesson.shown {
                presses += 1
                // A stop is on screen: go on (a decision stop waits for an answer).
                reached += 1
                let key: Key = lesson.lesson.stops[shown].trigger == .decision ? .char("a") : .char(" ")
                _ = host.dispatch(.key(key), to: &state)
                if state.lesson?.shown == shown { _ = host.dispatch(.key(.char(" ")), to: &state) }
                continue
            }
            now += frame
            frames += 1
            let tickStart = clock()
            _ = host.dispatch(.tick(now: now), to: &state)
            _ = state.apply(.measured(events: state.lastTickSteps, nanoseconds: clock() - tickStart))
            var buffer = ScreenBuffer(width: 120, height: 40)
            ExplorerScreen.render(state, into: &buffer, glyphs: .unicode)
            let work = clock() - tickStart
            guard state.lesson?.shown != nil else { continue }
            worst = max(worst, work)
            if work > frame { late += 1 }
        }
        return (reached, late, worst)
    }

    static func medianFrame(_ state: ExplorerState, width: Int, height: Int, clock: () -> UInt64) -> UInt64 {
        var samples: [UInt64] = []
        for _ in 0..<200 {
            let before = clock()
            var buffer = ScreenBuffer(width: width, height: height)
            ExplorerScreen.render(state, into: &buffer, glyphs: .unicode)
            samples.append(clock() - before)
        }
        samples.sort()
        return samples[samples.count / 2]
    }

    /// 150 frames (5 s) at full speed with a 120×40 render per frame; the stream restarts from
    /// the start whenever it runs out, so the per-event cost estimate has time to settle.
    static func playAtFullSpeed(_ start: ExplorerState, clock: () -> UInt64)
        -> (eventsPerSecond: Double, framesPerSecond: Double, worstFrame: UInt64, slowFrames: [Int], endOfStream: UInt64) {
        var playing = start
        for _ in 0..<PlaybackSpeed.ladder.count { _ = playing.apply(.key(.char("+"))) }
        _ = playing.apply(.key(.char(" ")))
        let frame: UInt64 = 1_000_000_000 / 30
        var simulated: UInt64 = 0
        var frames = 0
        var worst: UInt64 = 0
        var replayed = 0
        var slow: [Int] = []
        var endOfStream: UInt64 = 0
        while frames < 150 {
            if playing.replayer.isAtEnd {
                playing.replayer.seek(to: 0)
                if !playing.isPlaying { _ = playing.apply(.key(.char(" "))) }
            }
            let tickStart = clock()
            _ = playing.apply(.tick(now: simulated + 1))
            let tickEnd = clock()
            replayed += playing.lastTickSteps
            _ = playing.apply(.measured(events: playing.lastTickSteps, nanoseconds: tickEnd - tickStart))
            _ = playing.apply(.key(.down))
            var buffer = ScreenBuffer(width: 120, height: 40)
            ExplorerScreen.render(playing, into: &buffer, glyphs: .unicode)
            let work = clock() - tickStart
            guard playing.isPlaying else {
                // The stream ended in this tick: the explorer paused, and a paused explorer
                // shows the state hash, a digest of both models. Not a frame of playing.
                endOfStream = max(endOfStream, work)
                continue
            }
            worst = max(worst, work)
            if work > frame { slow.append(frames) }
            simulated += max(frame, work)
            frames += 1
        }
        let seconds = Double(simulated) / 1_000_000_000
        return (seconds > 0 ? Double(replayed) / seconds : 0, seconds > 0 ? Double(frames) / seconds : 0, worst, slow, endOfStream)
    }
}
