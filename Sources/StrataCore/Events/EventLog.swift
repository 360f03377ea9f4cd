/// The event stream of a `Dataset`, 24 bytes an event instead of the 48 of `[Event]` (issue
/// 9, item 3: a 100 M-event log in 2.4 GB). Reads and writes `Event` values, so it is used
/// like an array; the packing is exact (every field comes back bit for bit):
///
/// - `time` as is (8 bytes); the value's bit pattern (8 bytes), `nil` as one NaN payload that
///   no reader produces (readers refuse non-finite values);
/// - the user index in 32 bits, the item index in 28 bits with the action in the other 4.
///
/// Hence at most `maximumUsers` users and `maximumItems` items; `DatasetBuilder` refuses
/// larger files with an error, and `Event`s past the bounds cannot be stored.
public struct EventLog: RandomAccessCollection, MutableCollection, RangeReplaceableCollection,
                        ExpressibleByArrayLiteral, Equatable, Sendable {
    struct Packed: Equatable, Sendable {
        var time: Int64
        var valueBits: UInt64
        var user: UInt32
        var itemAndAction: UInt32
    }

    /// Items an event may name: the item index takes 28 bits.
    public static let maximumItems = 1 << 28
    /// Users an event may name: the user index takes 32 bits.
    public static let maximumUsers = 1 << 32
    /// The bit pattern standing for "no value": a signalling NaN with a payload.
    static let absentValue: UInt64 = 0x7FF4_5EED_0000_0001
    static let itemMask: UInt32 = (1 << 28) - 1

    private var storage: [Packed]

    public init() { storage = [] }

    public init(_ events: some Sequence<Event>) {
        storage = events.map(Self.pack)
    }

    public init(arrayLiteral events: Event...) {
        self.init(events)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }
    public var count: Int { storage.count }

    public subscript(position: Int) -> Event {
        get { Self.unpack(storage[position]) }
        set { storage[position] = Self.pack(newValue) }
    }

    public mutating func replaceSubrange<C: Collection>(_ range: Range<Int>, with events: C) where C.Element == Event {
        storage.replaceSubrange(range, with: events.map(Self.pack))
    }

    public mutating func reserveCapacity(_ capacity: Int) {
        storage.reserveCapacity(capacity)
    }

    /// Sorts stably by time (equal times keep their order), in place: the scratch the sort
    /// needs is at most one more copy of the packed events, never the 48-byte `Event`s.
    public mutating func stableSortByTime() {
        storage.sort { $0.time < $1.time }
    }

    /// Gives back the spare capacity the appends of a load left (up to half the buffer) when it
    /// is more than an eighth: the copy is made while nothing else of a replay is allocated yet.
    public mutating func trimCapacity() {
        guard storage.capacity > storage.count + storage.count / 8 else { return }
        storage = storage.withUnsafeBufferPointer { Array($0) }
    }

    /// The events in the order of `order` (indices into this log).
    public func gathered(_ order: some Collection<Int>) -> EventLog {
        var result = EventLog()
        result.storage.reserveCapacity(order.count)
        for index in order { result.storage.append(storage[index]) }
        return result
    }

    /// Replaces every event's user index by `renumber(user)`, in place.
    public mutating func renumberUsers(_ renumber: (Int) -> Int) {
        storage.withUnsafeMutableBufferPointer { events in
            for k in events.indices {
                let user = renumber(Int(events[k].user))
                precondition(user >= 0 && user < Self.maximumUsers, "a user index past what EventLog stores")
                events[k].user = UInt32(truncatingIfNeeded: user)
            }
        }
    }

    /// The time of event `position` (without unpacking the rest).
    @inline(__always)
    public func time(at position: Int) -> Int64 { storage[position].time }

    /// Bytes the events take (what `replay` reports as the stream's memory).
    public var storedBytes: Int { storage.capacity * MemoryLayout<Packed>.stride }

    @inline(__always)
    static func pack(_ event: Event) -> Packed {
        precondition(event.user >= 0 && event.user < maximumUsers && event.item >= 0 && event.item < maximumItems,
                     "an event's user or item index is past what EventLog stores")
        return Packed(time: event.time, valueBits: event.value?.bitPattern ?? absentValue,
                      user: UInt32(truncatingIfNeeded: event.user),
                      itemAndAction: UInt32(truncatingIfNeeded: event.item) | UInt32(event.action.code) << 28)
    }

    @inline(__always)
    static func unpack(_ packed: Packed) -> Event {
        Event(time: packed.time, user: Int(packed.user), item: Int(packed.itemAndAction & itemMask),
              action: Action(code: UInt8(truncatingIfNeeded: packed.itemAndAction >> 28)),
              value: packed.valueBits == absentValue ? nil : Double(bitPattern: packed.valueBits))
    }
}

extension Action {
    /// A 4-bit code for `EventLog` (the position in `allCases`; there are 10).
    @inline(__always)
    var code: UInt8 {
        switch self {
        case .view: 0
        case .click: 1
        case .cart: 2
        case .favourite: 3
        case .purchase: 4
        case .rate: 5
        case .skip: 6
        case .dislike: 7
        case .accept: 8
        case .reject: 9
        }
    }

    /// The action of `code` (codes come only from `code`; anything else reads as `.view`).
    @inline(__always)
    init(code: UInt8) {
        switch code {
        case 1: self = .click
        case 2: self = .cart
        case 3: self = .favourite
        case 4: self = .purchase
        case 5: self = .rate
        case 6: self = .skip
        case 7: self = .dislike
        case 8: self = .accept
        case 9: self = .reject
        default: self = .view
        }
    }
}
