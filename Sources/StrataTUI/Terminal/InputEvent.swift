/// One unit of input as the program sees it: a key (a resize included) or a mouse report.
/// Mouse reports are kept out of `Key` so that no key table can ever bind one by accident.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
}
