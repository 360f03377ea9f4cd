import CNcursesw

/// Turns what ncurses' `get_wch` returns into a `Key`. Pure, so the table is tested without a
/// terminal.
public enum KeyDecoder {
    /// A character `get_wch` returned with `OK`: a code point, where control codes are keys.
    public static func decode(character code: UInt32) -> Key? {
        switch code {
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x1B: return .escape
        case 0x08, 0x7F: return .backspace
        case 0x00: return .ctrl(" ")
        case 0x01...0x1A:
            return Unicode.Scalar(code + 0x60).map { .ctrl(Character($0)) }
        case 0x1C...0x1F:
            // Ctrl-\ Ctrl-] Ctrl-^ Ctrl-_
            return Unicode.Scalar(code + 0x40).map { .ctrl(Character($0)) }
        case 0x80..<0xA0:
            return nil
        default:
            return Unicode.Scalar(code).map { .char(Character($0)) }
        }
    }

    /// A function key code `get_wch` returned with `KEY_CODE_YES` (`KEY_UP`, `KEY_RESIZE`, …).
    public static func decode(keyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_RESIZE: return .resize
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}
