import CNcursesw

/// One unit of terminal input as `get_wch` returns it.
public enum RawInput: Hashable, Sendable {
    /// A code point (`get_wch` returned `OK`).
    case character(UInt32)
    /// A function key code ncurses recognised (`KEY_CODE_YES`): `KEY_UP`, `KEY_MOUSE`, …
    case keyCode(Int32)
}

/// Turns raw terminal input into keys, consuming escape sequences whole.
///
/// ncurses turns the sequences its terminfo entry lists into key codes; anything else — a mouse
/// report nobody asked for, a CSI sequence of another terminal type, a focus event — arrives as
/// Esc followed by its bytes, and each byte would be a key (`[` jumps 100 events back). This
/// reads the rest of such a sequence from what is already pending (no waiting: the bytes of one
/// sequence arrive together) and drops it, or maps it when it is a key the explorer knows.
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

    /// The next key. `read(timeout)` returns the next raw unit within `timeout` ms, nil when none
    /// came; the first unit waits up to `timeoutMilliseconds`, the rest of a sequence never
    /// waits. Sequences that mean no key are skipped; nil when no key came in time.
    public mutating func nextKey(timeoutMilliseconds: Int, read: (Int) -> RawInput?) -> Key? {
        var timeout = timeoutMilliseconds
        while let unit = take(timeout, read) {
            timeout = 0
            if let key = decode(unit, read) { return key }
        }
        return nil
    }

    private mutating func take(_ timeout: Int, _ read: (Int) -> RawInput?) -> RawInput? {
        readAhead.isEmpty ? read(timeout) : readAhead.removeFirst()
    }

    private mutating func putBack(_ unit: RawInput) { readAhead.insert(unit, at: 0) }

    /// Drops up to `count` pending units (the raw bytes of an X10 mouse report).
    private mutating func skip(_ count: Int, _ read: (Int) -> RawInput?) {
        for _ in 0..<count where take(0, read) == nil { return }
    }

    private mutating func decode(_ unit: RawInput, _ read: (Int) -> RawInput?) -> Key? {
        switch unit {
        case .keyCode(let code) where code == KEY_MOUSE:
            skipMouseReportTail(read)
            return nil
        case .keyCode(let code):
            return KeyDecoder.decode(keyCode: code)
        case .character(0x1B):
            return escape(read)
        case .character(let code):
            return KeyDecoder.decode(character: code)
        }
    }

    private mutating func escape(_ read: (Int) -> RawInput?) -> Key? {
        guard let next = take(0, read) else { return .escape }
        switch next {
        case .character(0x5B): return controlSequence(read)                 // [
        case .character(0x4F): return singleShift(read)                     // O
        default:
            putBack(next)
            return .escape
        }
    }

    /// After `Esc [`: an X10 mouse report, or a CSI sequence.
    private mutating func controlSequence(_ read: (Int) -> RawInput?) -> Key? {
        guard let first = take(0, read) else { return nil }
        if first == .character(0x4D) {                                     // M: X10 mouse report
            skip(3, read)
            return nil
        }
        putBack(first)
        var parameters = ""
        for _ in 0..<Self.maximumSequenceLength {
            guard let unit = take(0, read) else { return nil }             // cut short: drop it
            guard case .character(let code) = unit, let scalar = Unicode.Scalar(code) else {
                putBack(unit)
                return nil
            }
            switch code {
            case 0x20...0x3F: parameters.unicodeScalars.append(scalar)
            case 0x40...0x7E: return Self.csiKey(parameters: parameters, final: scalar)
            default:
                putBack(unit)                                               // not part of a sequence
                return nil
            }
        }
        return nil
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

    /// The key of an unmodified cursor or editing-key sequence; nil for everything else (mouse
    /// reports `<b;x;yM`, modified keys, focus events, paste brackets, replies).
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

    /// The bytes ncurses left after `KEY_MOUSE` (it reads them itself only once a mouse mask is
    /// set, which the explorer never does).
    private mutating func skipMouseReportTail(_ read: (Int) -> RawInput?) {
        switch mouseReportTail {
        case .x10:
            skip(3, read)
        case .sgr:
            for _ in 0..<Self.maximumSequenceLength {
                guard let unit = take(0, read) else { return }
                guard case .character(let code) = unit, (0x30...0x3F).contains(code) || code == 0x4D || code == 0x6D else {
                    putBack(unit)
                    return
                }
                if code == 0x4D || code == 0x6D { return }                  // M press, m release
            }
        }
    }
}
