import StrataCore

/// Finds the first array or object nested deeper than a limit, before any recursive parser
/// (Foundation's decoder, `JSONSyntaxCheck`) sees the text: a file of 100,000 `[` would
/// otherwise overflow the stack. One pass over `JSONTokenizer`'s tokens, whose depth limit
/// finds the bracket; memory bounded by the limit. It tracks the key path on the way, so the
/// error can say where (`catalogue.categories[0].children[0]…`), but it does not check syntax:
/// past a bad token it goes on (`JSONTokenizer.recover(from:)`), and syntax is left to the
/// decoder once the depth is known to be safe.
struct JSONDepthScan {
    struct TooDeep: Equatable {
        /// Byte offset of the bracket that opens level `limit + 1`.
        var offset: Int
        var location: JSONTokenizer.Location
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
        bytes.withUnsafeBufferPointer { buffer -> TooDeep? in
            var tokens = JSONTokenizer(buffer, dialect: .rfc8259, maximumDepth: limit)
            var stack: [Frame] = []
            stack.reserveCapacity(min(limit, 64) + 1)
            // In an object, the next string is a key until its ':' has been seen.
            var expectingKey = false
            func read(key: String) {
                if expectingKey, case .object = stack.last {
                    stack[stack.count - 1] = .object(key: key)
                    expectingKey = false
                }
            }
            while true {
                let token: JSONTokenizer.Token
                do throws(JSONTokenizer.Failure) {
                    guard let next = try tokens.next() else { return nil }
                    token = next
                } catch {
                    if error.problem == .tooDeep {
                        return TooDeep(offset: error.offset, location: tokens.location(of: error.offset), path: path(of: stack))
                    }
                    let skipped = tokens.recover(from: error)
                    if buffer[skipped.lowerBound] == UInt8(ascii: "\"") {
                        // A bad key still names its level: as written, each backslash dropped.
                        var text: [UInt8] = []
                        var index = skipped.lowerBound + 1
                        while index < skipped.upperBound, buffer[index] != UInt8(ascii: "\"") {
                            if buffer[index] == UInt8(ascii: "\\"), index + 1 < buffer.count { index += 1 }
                            text.append(buffer[index])
                            index += 1
                        }
                        read(key: String(decoding: text, as: UTF8.self))
                    }
                    continue
                }
                switch token.kind {
                case .string:
                    read(key: tokens.string(token))
                case .beginObject:
                    stack.append(.object(key: nil))
                    expectingKey = true
                case .beginArray:
                    stack.append(.array(index: 0))
                case .endObject, .endArray:
                    if !stack.isEmpty { stack.removeLast() }
                    expectingKey = false
                case .comma:
                    switch stack.last {
                    case .array(let index): stack[stack.count - 1] = .array(index: index + 1)
                    case .object: expectingKey = true
                    case nil: break
                    }
                case .colon, .number, .true, .false, .null:
                    break
                }
            }
        }
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
}
