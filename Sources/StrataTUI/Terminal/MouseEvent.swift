/// One mouse report from the terminal (xterm mouse tracking), in zero-based cells.
public struct MouseEvent: Hashable, Sendable {
    public enum Button: Hashable, Sendable {
        case left, middle, right
        case wheelUp, wheelDown, wheelLeft, wheelRight
        /// A button went up. X10 reports do not say which one, so neither does SGR here.
        case release
        /// Buttons 8–11 (`+128` in the button code): reported, not used.
        case extra(Int)
    }

    public struct Modifiers: OptionSet, Hashable, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let shift = Modifiers(rawValue: 4)
        public static let meta = Modifiers(rawValue: 8)
        public static let control = Modifiers(rawValue: 16)
    }

    public var button: Button
    public var column: Int
    public var row: Int
    public var modifiers: Modifiers
    /// The pointer moved with the button held (reported only under mode 1002/1003, which the
    /// explorer does not ask for; decoded so a terminal that sends it anyway is harmless).
    public var isMotion: Bool

    public init(button: Button, column: Int, row: Int, modifiers: Modifiers = [], isMotion: Bool = false) {
        self.button = button
        self.column = column
        self.row = row
        self.modifiers = modifiers
        self.isMotion = isMotion
    }

    /// A press of the left button that is not a drag: what a click is.
    public var isLeftPress: Bool { button == .left && !isMotion }
}

/// Parses mouse reports. Pure; anything malformed is nil (and the decoder drops it).
public enum MouseReport {
    /// Largest coordinate accepted (1-based, as sent). Real terminals are far below it; a
    /// larger number is garbage, not a click.
    static let maximumCoordinate = 10_000

    /// The event of a button code `code` (xterm's `Cb` without the X10 offset of 32) at 1-based
    /// `column`, `row`; `released` for SGR's final `m`.
    static func event(code: Int, column: Int, row: Int, released: Bool) -> MouseEvent? {
        guard (0...255).contains(code),
              (1...maximumCoordinate).contains(column), (1...maximumCoordinate).contains(row) else { return nil }
        let modifiers = MouseEvent.Modifiers(rawValue: code & 0b1_1100)
        let isMotion = code & 32 != 0
        let low = code & 3
        let button: MouseEvent.Button
        if released {
            button = .release
        } else if code & 128 != 0 {
            button = .extra(8 + low)
        } else if code & 64 != 0 {
            button = [.wheelUp, .wheelDown, .wheelLeft, .wheelRight][low]
        } else {
            button = [.left, .middle, .right, .release][low]
        }
        return MouseEvent(button: button, column: column - 1, row: row - 1, modifiers: modifiers, isMotion: isMotion)
    }

    /// SGR (mode 1006): the parameters of `Esc [ < b ; x ; y M` (press) or `… m` (release),
    /// `parameters` being what lies between `Esc [` and the final byte, `<` included.
    public static func sgr(parameters: String, final: Unicode.Scalar) -> MouseEvent? {
        guard final == "M" || final == "m", parameters.hasPrefix("<") else { return nil }
        let fields = parameters.dropFirst().split(separator: ";", omittingEmptySubsequences: false)
        // At most five digits a field: longer numbers are out of range anyway, and Int() of
        // a huge string must not be the thing that decides.
        guard fields.count == 3, fields.allSatisfy({ !$0.isEmpty && $0.count <= 5 && $0.allSatisfy(\.isASCIIDigit) }),
              let code = Int(fields[0]), let column = Int(fields[1]), let row = Int(fields[2]) else { return nil }
        return event(code: code, column: column, row: row, released: final == "m")
    }

    /// X10 (mode 1000 without 1006): the three units after `Esc [ M`, each a value plus 32.
    /// Only columns and rows up to 223 can be said this way.
    public static func x10(_ units: [RawInput]) -> MouseEvent? {
        guard units.count == 3 else { return nil }
        var values: [Int] = []
        for unit in units {
            guard case .character(let code) = unit, (32...255).contains(code) else { return nil }
            values.append(Int(code) - 32)
        }
        return event(code: values[0], column: values[1], row: values[2], released: false)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
