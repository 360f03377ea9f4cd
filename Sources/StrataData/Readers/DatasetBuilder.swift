import StrataCore

/// Collects items, users and events while a reader reads, then applies the stream rules that
/// every format shares (EVALUATION.md "Exact protocol"):
///
/// - catalogue: items of the item file in file order, then items met only in the event file,
///   appended in order of first appearance in the event file;
/// - order: events stable-sorted by timestamp (equal timestamps keep file order);
/// - users: dense indices in order of first appearance in that sorted stream.
struct DatasetBuilder {
    private struct PendingEvent {
        var time: Int64
        /// `timestamp - time` for fractional timestamps, so sorting uses the full value.
        var fraction: Double
        var user: Int32
        var item: Int32
        var action: Action
        var value: Double?
    }

    private(set) var catalogue = Catalogue()
    private var pending: [PendingEvent] = []
    private var userSlots: [String: Int32] = [:]
    private var userKeys: [String] = []
    /// Items from an item file; events pointing past this are "unknown items".
    private var itemFileCount: Int?
    private(set) var outOfOrderEvents = 0
    private(set) var unknownItems = 0
    private(set) var eventsWithUnknownItems = 0

    init(expectedEvents: Int = 0) {
        pending.reserveCapacity(expectedEvents)
    }

    /// Adds an item from an item file; false when its id is already in the catalogue.
    mutating func addItem(_ item: Item) -> Bool {
        if catalogue.index(of: item.id) != nil { return false }
        catalogue.add(item)
        return true
    }

    /// Marks the end of the item file: later new items count as unknown.
    mutating func finishItemFile() {
        itemFileCount = catalogue.count
    }

    /// The catalogue index of `id`, appending `makeItem()` when the id is new.
    mutating func itemIndex(for id: String, makeItem: () -> Item) -> ItemIndex {
        if let index = catalogue.index(of: id) { return index }
        if itemFileCount != nil { unknownItems += 1 }
        return catalogue.add(makeItem())
    }

    /// Records one event in file order. `timestamp` must be valid (see `Timestamps.split`).
    mutating func addEvent(user userID: String, item: ItemIndex, timestamp: (Int64, Double), action: Action, value: Double?) {
        let user: Int32
        if let slot = userSlots[userID] {
            user = slot
        } else {
            user = Int32(truncatingIfNeeded: userKeys.count)
            userSlots[userID] = user
            userKeys.append(userID)
        }
        if let last = pending.last, (timestamp.0, timestamp.1) < (last.time, last.fraction) {
            outOfOrderEvents += 1
        }
        if let itemFileCount, item >= itemFileCount { eventsWithUnknownItems += 1 }
        pending.append(PendingEvent(time: timestamp.0, fraction: timestamp.1, user: user,
                                    item: Int32(truncatingIfNeeded: item), action: action, value: value))
    }

    var eventCount: Int { pending.count }

    /// Sorts stably by time, numbers users in stream order and returns the dataset.
    func build(name: String, fingerprint: String) -> Dataset {
        var order = Array(0..<pending.count)
        if outOfOrderEvents > 0 {
            // The file position is part of the key, so the sort is stable by construction;
            // keys sit in one contiguous array so comparing them never chases the events.
            var keys = pending.enumerated().map { SortKey(time: $1.time, fraction: $1.fraction, position: $0) }
            keys.sort()
            order = keys.map(\.position)
        }
        var denseUser = [Int](repeating: -1, count: userKeys.count)
        var userIDs: [String] = []
        userIDs.reserveCapacity(userKeys.count)
        var events: [Event] = []
        events.reserveCapacity(pending.count)
        for position in order {
            let raw = pending[position]
            var user = denseUser[Int(raw.user)]
            if user < 0 {
                user = userIDs.count
                denseUser[Int(raw.user)] = user
                userIDs.append(userKeys[Int(raw.user)])
            }
            events.append(Event(time: raw.time, user: user, item: Int(raw.item), action: raw.action, value: raw.value))
        }
        return Dataset(name: name, catalogue: catalogue, userIDs: userIDs, events: events, fingerprint: fingerprint)
    }

    /// Copies the builder's counts into `report`.
    func summarize(into report: inout ValidationReport) {
        report.eventsAccepted = pending.count
        report.itemCount = catalogue.count
        report.userCount = userKeys.count
        report.outOfOrderEvents = outOfOrderEvents
        report.unknownItems = unknownItems
        report.eventsWithUnknownItems = eventsWithUnknownItems
    }
}

/// Where an event goes in the stream: by time, then by its position in the file.
private struct SortKey: Comparable {
    var time: Int64
    var fraction: Double
    var position: Int

    static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        if lhs.fraction != rhs.fraction { return lhs.fraction < rhs.fraction }
        return lhs.position < rhs.position
    }
}

/// Stream times from parsed timestamps.
enum Timestamps {
    /// `Int64(timestamp)` (truncation, as EVALUATION.md fixes) and the fraction left over, or nil
    /// when the value is not finite or does not fit in 64 bits.
    static func split(_ timestamp: Double) -> (Int64, Double)? {
        guard timestamp.isFinite, timestamp > -9.2e18, timestamp < 9.2e18 else { return nil }
        let whole = Int64(timestamp)
        return (whole, timestamp - Double(whole))
    }
}
