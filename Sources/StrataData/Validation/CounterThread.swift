import Foundation

/// Runs a `DistinctIDCounter` on a thread of its own, so `validate` reads, checks and hashes
/// lines on one core while the hash set's cache misses are paid on the other (a third of the
/// work on a Taobao-sized log). Batches are handed over one at a time: the reader fills one
/// while the thread inserts the other, and gets the emptied one back. The result is the same
/// as running the counter in line: it sees the same hashes in the same order.
///
/// A class: it owns a thread and the buffer the thread works on; the semaphores order every
/// access to them (hence `@unchecked Sendable`).
final class CounterThread: @unchecked Sendable {
    private var counter: DistinctIDCounter
    private var slot: [UInt64] = []
    private var stopping = false
    private var stopped = false
    private let ready = DispatchSemaphore(value: 0)
    // Every semaphore starts at 0 and ends there: libdispatch traps on disposing one whose
    // value is below its initial value.
    private let free = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)

    init(_ counter: DistinctIDCounter) {
        self.counter = counter
        let thread = Thread { [self] in run() }
        thread.name = "strata validate ids"
        thread.start()
        free.signal()
    }

    /// Hands `batch` over and gives back an empty buffer (after the previous batch is done).
    func submit(_ batch: inout [UInt64]) {
        free.wait()
        swap(&slot, &batch)
        ready.signal()
    }

    /// Waits for every batch, ends the thread and returns the counter; safe to call twice.
    func finish() -> DistinctIDCounter {
        if !stopped {
            free.wait()
            stopping = true
            ready.signal()
            done.wait()
            stopped = true
        }
        return counter
    }

    private func run() {
        while true {
            ready.wait()
            if stopping { break }
            counter.add(slot)
            slot.removeAll(keepingCapacity: true)
            free.signal()
        }
        done.signal()
    }
}
