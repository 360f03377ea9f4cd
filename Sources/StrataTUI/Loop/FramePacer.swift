#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Frame timing arithmetic for a target frame rate, on a monotonic clock in nanoseconds that
/// the caller reads (so tests use a fake clock).
public struct FramePacer: Hashable, Sendable {
    /// Nanoseconds between frames.
    public let frameInterval: UInt64

    public init(framesPerSecond: Int) {
        precondition(framesPerSecond > 0, "framesPerSecond \(framesPerSecond) must be positive")
        frameInterval = 1_000_000_000 / UInt64(framesPerSecond)
    }

    /// Milliseconds to wait at `now` for a frame due at `deadline`: rounded up (so the wait
    /// never ends just before the deadline), 0 when it is due. O(1).
    public func timeoutMilliseconds(now: UInt64, deadline: UInt64) -> Int {
        guard deadline > now else { return 0 }
        return Int((deadline - now + 999_999) / 1_000_000)
    }

    /// When the frame after the one due at `deadline`, handled at `now`, is due: one interval
    /// later on a steady grid, or one interval after `now` when the loop fell a whole frame
    /// behind (late frames are skipped, not made up in a burst). O(1).
    public func nextDeadline(after deadline: UInt64, now: UInt64) -> UInt64 {
        let next = deadline + frameInterval
        return next > now ? next : now + frameInterval
    }
}

/// Reads the monotonic clock (CLOCK_MONOTONIC), in nanoseconds. Pass it to `RunLoop.run`.
public enum MonotonicClock {
    public static func nanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
