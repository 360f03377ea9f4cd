import CNcursesw

/// One unit of terminal input as `get_wch` returns it.
public enum RawInput: Hashable, Sendable {
    /// A code point (`get_wch` returned `OK`).
    case character(UInt32)
    /// A function key code ncurses recognised (`KEY_CODE_YES`): `KEY_UP`, `KEY_MOUSE`, …
    case keyCode(Int32)
}

/// Turns raw terminal input into keys and mouse reports, consuming escape sequences whole.
///
/// ncurses turns the sequences its terminfo entry lists into key codes; anything else — a mouse
/// report, a CSI sequence of another terminal type, a focus event — arrives as Esc followed by
/// its bytes, and each byte would be a key (`[` jumps 100 events back). This reads the rest of
/// such a sequence from what is already pending (no waiting: the bytes of one sequence arrive
/// together) and maps it to a key or a `MouseEvent` (SGR and X10 reports), or drops it.
/// A malformed or overlong sequence is consumed and dropped: it never becomes keys.
///
/// Grammar (ECMA-48): CSI is `Esc [`, then parameter bytes 0x30–0x3F, intermediate bytes
/// 0x20–0x2F and one final byte 0x40–0x7E; SS3 is `Esc O` and one byte; an X10 mouse report is
/// `Esc [ M` and three raw bytes. Esc followed by anything else is Esc, then that key.
public struct InputDecoder: Sendable {
    /// What follows ncurses' `KEY_MOUSE`: the rest of a report whose start is the terminfo
    /// `kmous` string (`Esc [ M` → three raw bytes; `Esc [ <` → SGR parameters up to `M`/`m`).
    public enum MouseReportTail: Hashable, Sendable {
        case x10
        case sgr
    }

    public let mouseReportTail: MouseReportTail
    /// Input read ahead that turned out not to belong to a sequence.
    private var readAhead: [RawInput] = []

    /// Longest sequence read before giving up on it (real ones are under 20 bytes).
    static let maximumSequenceLength = 64

    public init(mouseReportTail: MouseReportTail = .x10) {
        self.mouseReportTail = mouseReportTail
    }

    /// The tail for a terminfo `kmous` string (`"\u{1B}[<"` for xterm, `"\u{1B}[M"` for tmux).
    public static func mouseReportTail(kmous: String?) -> MouseReportTail {
        kmous?.hasSuffix("<") == true ? .sgr : .x10
    }

    /// True when input read ahead is waiting, so the caller should not block.
    public var hasPendingInput: Bool { !readAhead.isEmpty }

    /// The next key or mouse report. `read(timeout)` returns the next raw unit within `timeout`
    /// ms, nil when none came; the first unit waits up to `timeoutMilliseconds`, the rest of a
    /// sequence never waits. Sequences that mean nothing are skipped; nil when nothing came in time.
    public mutating func nextInput(timeoutMilliseconds: Int, read: (Int) -> RawInput?) -> InputEvent? {
        var timeout = timeoutMilliseconds
        while let unit = take(timeout, read) {
            timeout = 0
            if let input = decode(unit, read) { return input }
        }
        return nil
    }

    /// The next key, mouse reports skipped (for callers that take no mouse input).
    public mutating func nextKey(timeoutMilliseconds: Int, read: (Int) -> RawInput?) -> Key? {
        var timeout = timeoutMilliseconds
        while let input = nextInput(timeoutMilliseconds: timeout, read: read) {
            timeout = 0
            if case .key(let key) = input { return key }
        }
        return nil
    }

    private mutating func take(_ timeout: Int, _ read: (Int) -> RawInput?) -> RawInput? {
        readAhead.isEmpty ? read(timeout) : readAhead.removeFirst()
    }

    private mutating func putBack(_ unit: RawInput) { readAhead.insert(unit, at: 0) }

    /// The next `count` pending units (the raw bytes of an X10 mouse report), fewer when cut short.
    private mutating func take(count: Int, _ read: (Int) -> RawInput?) -> [RawInput] {
        var units: [RawInput] = []
        for _ in 0..<count {
            guard let unit = take(0, read) else { break }
            units.append(unit)
        }
        return units
    }

    private mutating func decode(_ unit: RawInput, _ read: (Int) -> RawInput?) -> InputEvent? {
        switch unit {
        case .keyCode(let code) where code == KEY_MOUSE:
            return mouseReportTail(read).map(InputEvent.mouse)
        case .keyCode(let code):
            return KeyDecoder.decode(keyCode: code).map(InputEvent.key)
        case .character(0x1B):
            return escape(read)
        case .character(let code):
            return KeyDecoder.decode(character: code).map(InputEvent.key)
        }
    }

    private mutating func escape(_ read: (Int) -> RawInput?) -> InputEvent? {
        guard let next = take(0, read) else { return .key(.escape) }
        switch next {
        case .character(0x5B): return controlSequence(read)                 // [
        case .character(0x4F): return singleShift(read).map(InputEvent.key) // O
        default:
            putBack(next)
            return .key(.escape)
        }
    }

    /// After `Esc [`: an X10 mouse report, or a CSI sequence (an SGR mouse report among them).
    private mutating func controlSequence(_ read: (Int) -> RawInput?) -> InputEvent? {
        guard let first = take(0, read) else { return nil }
        if first == .character(0x4D) {                                     // M: X10 mouse report
            return MouseReport.x10(take(count: 3, read)).map(InputEvent.mouse)
        }
        if first == .character(0x3C) { return sgrReport(read).map(InputEvent.mouse) }   // <: SGR mouse report
        putBack(first)
        guard let (parameters, final) = csiBody(read) else { return nil }
        return Self.csiKey(parameters: parameters, final: final).map(InputEvent.key)
    }

    /// The rest of an SGR mouse report after `<` (after `Esc [ <`, or after ncurses' `KEY_MOUSE`
    /// for a `kmous` of `Esc [ <`). Unlike other CSI sequences it runs to `M` or `m` whatever
    /// printable bytes come first, so a garbled report (`<a;5;5M`) is dropped whole rather
    /// than ending early and leaving its tail to become keys. A control byte or a non-ASCII
    /// unit ends it (put back: it is input of its own); cut short or overlong, it is nil.
    private mutating func sgrReport(_ read: (Int) -> RawInput?) -> MouseEvent? {
        var parameters = "<"
        var length = 0
        while let unit = take(0, read) {
            guard case .character(let code) = unit, (0x20...0x7E).contains(code), let scalar = Unicode.Scalar(code) else {
                putBack(unit)
                return nil
            }
            if code == 0x4D || code == 0x6D {                               // M press, m release
                return length <= Self.maximumSequenceLength ? MouseReport.sgr(parameters: parameters, final: scalar) : nil
            }
            length += 1
            if length <= Self.maximumSequenceLength { parameters.unicodeScalars.append(scalar) }
        }
        return nil
    }

    /// The parameter and intermediate bytes of a CSI sequence and its final byte; nil when it
    /// was cut short, broken by a byte that cannot be in it (put back), or longer than
    /// `maximumSequenceLength` — then the rest of it is still consumed, so no byte of an
    /// overlong report turns into a key.
    private mutating func csiBody(_ read: (Int) -> RawInput?) -> (String, Unicode.Scalar)? {
        var parameters = ""
        var length = 0
        while let unit = take(0, read) {
            guard case .character(let code) = unit, let scalar = Unicode.Scalar(code) else {
                putBack(unit)
                return nil
            }
            switch code {
            case 0x20...0x3F:
                length += 1
                if length <= Self.maximumSequenceLength { parameters.unicodeScalars.append(scalar) }
            case 0x40...0x7E:
                return length <= Self.maximumSequenceLength ? (parameters, scalar) : nil
            default:
                putBack(unit)                                               // not part of a sequence
                return nil
            }
        }
        return nil                                                          // cut short: drop it
    }

    /// After `Esc O`: one final byte.
    private mutating func singleShift(_ read: (Int) -> RawInput?) -> Key? {
        guard let unit = take(0, read) else { return nil }
        guard case .character(let code) = unit, (0x40...0x7E).contains(code), let scalar = Unicode.Scalar(code) else {
            putBack(unit)
            return nil
        }
        switch scalar {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "M": return .enter
        case "P", "Q", "R", "S": return .function(Int(code - 0x50) + 1)
        default: return nil
        }
    }

    /// The key of an unmodified cursor or editing-key sequence; nil for everything else
    /// (modified keys, focus events, paste brackets, replies).
    static func csiKey(parameters: String, final: Unicode.Scalar) -> Key? {
        let plain = parameters.isEmpty || parameters == "1"
        switch final {
        case "A" where plain: return .up
        case "B" where plain: return .down
        case "C" where plain: return .right
        case "D" where plain: return .left
        case "H" where plain: return .home
        case "F" where plain: return .end
        case "Z" where plain: return .backTab
        case "~":
            switch parameters {
            case "1", "7": return .home
            case "4", "8": return .end
            case "3": return .delete
            case "5": return .pageUp
            case "6": return .pageDown
            default: return nil
            }
        default: return nil
        }
    }

    /// The report whose bytes ncurses left after `KEY_MOUSE` (it reads them itself only once a
    /// mouse mask is set, which the explorer never does: mouse modes are its own, MouseReporting).
    private mutating func mouseReportTail(_ read: (Int) -> RawInput?) -> MouseEvent? {
        switch mouseReportTail {
        case .x10:
            return MouseReport.x10(take(count: 3, read))
        case .sgr:
            return sgrReport(read)
        }
    }
}
