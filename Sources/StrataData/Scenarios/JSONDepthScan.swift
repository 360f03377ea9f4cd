import StrataCore

/// Finds the first array or object nested deeper than a limit, before any recursive parser
/// (Foundation's decoder, `JSONSyntaxCheck`) sees the text: a file of 100,000 `[` would
/// otherwise overflow the stack. One pass, no recursion, memory bounded by the limit; strings
/// are skipped so brackets inside them do not count. It tracks the key path on the way, so the
/// error can say where (`catalogue.categories[0].children[0]…`), but it does not check syntax:
/// that is left to the decoder once the depth is known to be safe.
struct JSONDepthScan {
    struct TooDeep: Equatable {
        /// Byte offset of the bracket that opens level `limit + 1`.
        var offset: Int
        /// Where that bracket is, as a key path.
        var path: ScenarioFieldPath
    }

    private enum Frame {
        /// In an object; `key` is the last key read, nil before the first.
        case object(key: String?)
        /// In an array, at element `index`.
        case array(index: Int)
    }

    /// The first container deeper than `limit` levels, or nil when there is none.
    static func firstTooDeep(in bytes: [UInt8], limit: Int) -> TooDeep? {
        var stack: [Frame] = []
        stack.reserveCapacity(min(limit, 64) + 1)
        var position = 0
        // In an object, the next string is a key until its ':' has been seen.
        var expectingKey = false
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                let (text, end) = readString(bytes, from: position)
                if expectingKey, case .object = stack.last {
                    stack[stack.count - 1] = .object(key: text)
                    expectingKey = false
                }
                position = end
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if stack.count == limit {
                    return TooDeep(offset: position, path: path(of: stack))
                }
                if byte == UInt8(ascii: "{") {
                    stack.append(.object(key: nil))
                    expectingKey = true
                } else {
                    stack.append(.array(index: 0))
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }
                expectingKey = false
            case UInt8(ascii: ","):
                switch stack.last {
                case .array(let index): stack[stack.count - 1] = .array(index: index + 1)
                case .object: expectingKey = true
                case nil: break
                }
            default:
                break
            }
            position += 1
        }
        return nil
    }

    /// The key path of the value being read at the top of `stack`.
    private static func path(of stack: [Frame]) -> ScenarioFieldPath {
        var components: [ScenarioPathComponent] = []
        for frame in stack {
            switch frame {
            case .object(let key): if let key { components.append(.key(key)) }
            case .array(let index): components.append(.index(index))
            }
        }
        return ScenarioFieldPath(components)
    }

    /// A string's text (escapes other than `\"` and `\\` kept as written: enough for a key
    /// in a message) and the offset just past its closing quote (or the end of the text).
    private static func readString(_ bytes: [UInt8], from start: Int) -> (String, Int) {
        var position = start + 1
        var out: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { return (String(decoding: out, as: UTF8.self), position + 1) }
            if byte == UInt8(ascii: "\\"), position + 1 < bytes.count {
                out.append(bytes[position + 1])
                position += 2
                continue
            }
            out.append(byte)
            position += 1
        }
        return (String(decoding: out, as: UTF8.self), position)
    }
}
