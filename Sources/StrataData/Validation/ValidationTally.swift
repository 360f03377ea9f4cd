import Foundation
import StrataCore

/// What `validate` keeps while the readers stream a dataset: counts, the previous timestamp,
/// and hashes of the ids instead of the ids (Docs/datasets.md, design note 1).
///
/// - Item-file ids (a MovieLens `u.item`, a RecBole `.item`: small side files) are held exactly,
///   as hashes, to find duplicates and tell unknown items.
/// - The event file's users, and its items absent from the item file, go to a
///   `DistinctIDCounter` within `idBudgetBytes`, in batches; from the first full batch on, on
///   its own thread (`CounterThread`) when there is a second processor.
///
/// Nothing here grows with the number of lines: at most the budget, two 16 KiB sketches, two
/// batches and the item file's hashes (`retainedBytes`).
struct ValidationTally: EventSink {
    static let batchSize = 1 << 14

    private var counter: DistinctIDCounter?
    private var thread: CounterThread?
    private var pending: [UInt64] = []
    private var fileItems = HashedIDSet()
    private var itemFileCount: Int?
    private(set) var events = 0
    private var last: (Int64, Double)?
    private var outOfOrderEvents = 0
    private var eventsWithUnknownItems = 0

    init(idBudgetBytes: Int) {
        counter = DistinctIDCounter(budgetBytes: idBudgetBytes)
        pending.reserveCapacity(Self.batchSize)
    }

    mutating func addItem(_ item: Item) -> Bool {
        fileItems.insert(IDHash.of(item.id)) == .inserted
    }

    mutating func finishItemFile() {
        itemFileCount = fileItems.count
    }

    mutating func addEvent(user: IDText, item: IDText, makeItem: () -> Item,
                           timestamp: (Int64, Double), action: Action, value: Double?) {
        events += 1
        if let last, timestamp < last { outOfOrderEvents += 1 }
        last = timestamp
        // Users have the lowest bit 0, items 1.
        pending.append(user.hash & ~1)
        let itemHash = item.hash
        if itemFileCount == nil || !fileItems.contains(itemHash) {
            if itemFileCount != nil { eventsWithUnknownItems += 1 }
            pending.append(itemHash | 1)
        }
        if pending.count >= Self.batchSize { handOver() }
    }

    private mutating func handOver() {
        if thread == nil, let inline = counter, ProcessInfo.processInfo.activeProcessorCount > 1 {
            thread = CounterThread(inline)
            counter = nil
        }
        if let thread {
            thread.submit(&pending)
        } else {
            counter?.add(pending)
            pending.removeAll(keepingCapacity: true)
        }
    }

    /// Ends the counter's thread, if any, taking the counter back; reading may have stopped
    /// early (a fatal problem), so this runs either way.
    mutating func stop() {
        if let thread {
            counter = thread.finish()
            self.thread = nil
        }
    }

    /// Bytes held that do not depend on the number of lines: the counter's peak (budget-bound),
    /// the item file's hashes and the two batches.
    var retainedBytes: Int {
        (counter?.peakBytes ?? 0) + fileItems.byteCount + 2 * Self.batchSize * MemoryLayout<UInt64>.stride
    }

    /// Copies the counts into `report`, as `DatasetBuilder.summarize` does for a load.
    mutating func summarize(into report: inout ValidationReport) {
        stop()
        counter?.add(pending)
        pending.removeAll(keepingCapacity: true)
        let unknown = counter?.itemCount ?? 0
        report.eventsAccepted = events
        report.userCount = counter?.userCount ?? 0
        report.itemCount = fileItems.count + unknown
        report.outOfOrderEvents = outOfOrderEvents
        report.unknownItems = itemFileCount == nil ? 0 : unknown
        report.eventsWithUnknownItems = eventsWithUnknownItems
        report.distinctCountsEstimated = counter?.isEstimated ?? false
        report.idStateBytes = retainedBytes
    }
}
