import StrataCore

/// Collects items, users and events while a reader reads, then applies the stream rules that
/// every format shares (EVALUATION.md "Exact protocol"):
///
/// - catalogue: items of the item file in file order, then items met only in the event file,
///   appended in order of first appearance in the event file;
/// - order: events stable-sorted by timestamp (equal timestamps keep file order);
/// - users: dense indices in order of first appearance in that sorted stream.
struct DatasetBuilder {
    private(set) var catalogue = Catalogue()
    /// Events in file order, packed (24 bytes each, issue 9 item 3); `user` is the slot of the
    /// user's id in `userKeys` until `build` numbers users in stream order.
    private var pending = EventLog()
    /// `timestamp − time` of each event, kept only from the first fractional timestamp on
    /// (most logs have whole seconds), so sorting uses the full value.
    private var fractions: [Double]?
    private var lastKey: (time: Int64, fraction: Double)?
    private var userSlots: [String: Int32] = [:]
    private var userKeys: [String] = []
    /// Users and items by the hash of their ids' bytes, so a known id makes no `String`; the
    /// exact maps above (and the catalogue's) answer when the hash table cannot.
    private var userByHash = IDHashIndex()
    private var itemByHash = IDHashIndex()
    /// Items from an item file; events pointing past this are "unknown items".
    private var itemFileCount: Int?
    private(set) var outOfOrderEvents = 0
    /// Set when an event named an item or user past `EventLog`'s bounds.
    private(set) var tooManyIDs = false
    private(set) var unknownItems = 0
    private(set) var eventsWithUnknownItems = 0

    init(expectedEvents: Int = 0) {
        pending.reserveCapacity(expectedEvents)
    }

    /// Adds an item from an item file; false when its id is already in the catalogue.
    mutating func addItem(_ item: Item) -> Bool {
        if catalogue.index(of: item.id) != nil { return false }
        itemByHash.add(catalogue.add(item), hash: IDHash.of(item.id))
        return true
    }

    /// Marks the end of the item file: later new items count as unknown.
    mutating func finishItemFile() {
        itemFileCount = catalogue.count
    }

    /// The catalogue index of `id`, appending `makeItem()` (whose id must be `id`) when it is new.
    mutating func itemIndex(for id: IDText, makeItem: () -> Item) -> ItemIndex {
        let hash = id.hash
        if let index = itemByHash.index(of: id, hash: hash, storedID: { catalogue.items[$0].id }) { return index }
        if let index = catalogue.index(of: id.string) { return index }
        if itemFileCount != nil { unknownItems += 1 }
        let index = catalogue.add(makeItem())
        itemByHash.add(index, hash: hash)
        return index
    }

    /// `itemIndex(for:makeItem:)` and `addEvent(user:…)` of an id given as a `String`.
    mutating func itemIndex(for id: String, makeItem: () -> Item) -> ItemIndex {
        itemIndex(for: .text(id), makeItem: makeItem)
    }

    mutating func addEvent(user userID: String, item: ItemIndex, timestamp: (Int64, Double), action: Action, value: Double?) {
        addEvent(user: .text(userID), item: item, timestamp: timestamp, action: action, value: value)
    }

    /// The slot of user `id` in order of first appearance in the file, a new one when it is new.
    mutating func userSlot(for id: IDText) -> Int32 {
        let hash = id.hash
        if let slot = userByHash.index(of: id, hash: hash, storedID: { userKeys[$0] }) { return Int32(slot) }
        let text = id.string
        if let slot = userSlots[text] { return slot }
        let slot = Int32(truncatingIfNeeded: userKeys.count)
        userSlots[text] = slot
        userKeys.append(text)
        userByHash.add(Int(slot), hash: hash)
        return slot
    }

    /// Records one event in file order. `timestamp` must be valid (see `Timestamps.split`).
    mutating func addEvent(user userID: IDText, item: ItemIndex, timestamp: (Int64, Double), action: Action, value: Double?) {
        // Past what the packed log stores: the load is refused (`buildDataset`), not wrapped.
        guard item < EventLog.maximumItems, userKeys.count < Int(Int32.max) else {
            tooManyIDs = true
            return
        }
        let user = userSlot(for: userID)
        if let lastKey, (timestamp.0, timestamp.1) < (lastKey.time, lastKey.fraction) {
            outOfOrderEvents += 1
        }
        lastKey = (timestamp.0, timestamp.1)
        if let itemFileCount, item >= itemFileCount { eventsWithUnknownItems += 1 }
        if timestamp.1 != 0 && fractions == nil { fractions = Array(repeating: 0, count: pending.count) }
        fractions?.append(timestamp.1)
        pending.append(Event(time: timestamp.0, user: Int(user), item: item, action: action, value: value))
    }

    var eventCount: Int { pending.count }

    /// Sorts stably by time, numbers users in stream order and returns the dataset. Consumes
    /// the builder's events: a log in time order is never copied, one out of order is sorted
    /// in place (with fractional timestamps, through a permutation of their full values).
    mutating func build(name: String, fingerprint: String) -> Dataset {
        var events = EventLog()
        swap(&events, &pending)
        if outOfOrderEvents > 0 {
            if let fractions {
                // The file position is part of the key, so the sort is stable by construction;
                // keys sit in one contiguous array so comparing them never chases the events.
                var keys = fractions.indices.map { SortKey(time: events.time(at: $0), fraction: fractions[$0], position: $0) }
                keys.sort()
                events = events.gathered(keys.lazy.map(\.position))
            } else {
                events.stableSortByTime()
            }
        }
        fractions = nil
        events.trimCapacity()
        var denseUser = [Int](repeating: -1, count: userKeys.count)
        var userIDs: [String] = []
        userIDs.reserveCapacity(userKeys.count)
        events.renumberUsers { slot in
            if denseUser[slot] < 0 {
                denseUser[slot] = userIDs.count
                userIDs.append(userKeys[slot])
            }
            return denseUser[slot]
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
