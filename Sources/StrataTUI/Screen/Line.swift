/// One line of styled text: spans written left to right, with no line breaks inside.
public struct Line: Hashable, Sendable, ExpressibleByStringLiteral {
    public var spans: [Span]

    public init(_ spans: [Span]) { self.spans = spans }

    public init(_ text: String, style: Style = .plain) { self.spans = [Span(text, style: style)] }

    public init(stringLiteral value: String) { self.init(value) }

    public static let empty = Line([Span]())

    /// Display width in columns. O(n).
    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// The text without styles.
    public var plainText: String { spans.map(\.text).joined() }

    /// This line with `overlay` patched onto every span's style.
    public func patched(with overlay: Style) -> Line {
        Line(spans.map { Span($0.text, style: $0.style.patched(with: overlay)) })
    }

    /// This line laid over `base`: each span's own colours and attributes win where set.
    public func patchedUnder(_ base: Style) -> Line {
        Line(spans.map { Span($0.text, style: base.patched(with: $0.style)) })
    }
}
