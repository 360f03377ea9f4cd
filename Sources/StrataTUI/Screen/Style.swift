/// How a cell is drawn: optional colours (nil is the terminal's default) and attributes.
///
/// On a monochrome terminal or under `NO_COLOR`, backends drop the colours and keep the
/// attributes; widgets therefore mark selections with `reverse`, not with a colour alone.
public struct Style: Hashable, Sendable {
    public var foreground: Color?
    public var background: Color?
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        foreground: Color? = nil, background: Color? = nil,
        bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    /// Default colours, no attributes.
    public static let plain = Style()

    /// This style with `overlay` laid on top: the overlay's colours win where set, attributes add up.
    public func patched(with overlay: Style) -> Style {
        Style(
            foreground: overlay.foreground ?? foreground,
            background: overlay.background ?? background,
            bold: bold || overlay.bold,
            dim: dim || overlay.dim,
            reverse: reverse || overlay.reverse,
            underline: underline || overlay.underline
        )
    }

    /// This style with the foreground colour replaced.
    public func foreground(_ color: Color?) -> Style {
        var copy = self
        copy.foreground = color
        return copy
    }

    /// This style with the background colour replaced.
    public func background(_ color: Color?) -> Style {
        var copy = self
        copy.background = color
        return copy
    }

    /// This style, bold.
    public func bolded() -> Style {
        var copy = self
        copy.bold = true
        return copy
    }

    /// This style, reversed.
    public func reversed() -> Style {
        var copy = self
        copy.reverse = true
        return copy
    }

    /// This style, dimmed.
    public func dimmed() -> Style {
        var copy = self
        copy.dim = true
        return copy
    }
}
