import Testing
@testable import StrataTUI

@Suite struct FramePacerTests {
    private let pacer = FramePacer(framesPerSecond: 30)
    private let millisecond: UInt64 = 1_000_000

    @Test func intervalForTheFrameRate() {
        #expect(pacer.frameInterval == 33_333_333)
        #expect(FramePacer(framesPerSecond: 60).frameInterval == 16_666_666)
    }

    @Test func timeoutRoundsUpAndNeverGoesNegative() {
        #expect(pacer.timeoutMilliseconds(now: 0, deadline: 33_333_333) == 34)
        #expect(pacer.timeoutMilliseconds(now: 0, deadline: millisecond) == 1)
        #expect(pacer.timeoutMilliseconds(now: 0, deadline: millisecond + 1) == 2)
        #expect(pacer.timeoutMilliseconds(now: 5 * millisecond, deadline: 5 * millisecond) == 0)
        #expect(pacer.timeoutMilliseconds(now: 9 * millisecond, deadline: 5 * millisecond) == 0)
    }

    @Test func deadlinesStayOnTheGridUnlessAFrameWasMissed() {
        #expect(pacer.nextDeadline(after: 0, now: 10 * millisecond) == 33_333_333)
        #expect(pacer.nextDeadline(after: 33_333_333, now: 40 * millisecond) == 66_666_666)
        #expect(pacer.nextDeadline(after: 0, now: 100 * millisecond) == 100 * millisecond + 33_333_333)
    }

    @Test func monotonicClockMovesForward() {
        let first = MonotonicClock.nanoseconds()
        let second = MonotonicClock.nanoseconds()
        #expect(first > 0)
        #expect(second >= first)
    }
}
