/// Something that draws itself into a rectangle of a screen buffer.
///
/// Widgets are values built fresh for every frame from the application state; they keep no
/// state between frames (scroll offsets live in the caller, see `Scrolling`). A widget draws
/// only inside `area` and leaves cells it has nothing to say about untouched.
public protocol Widget {
    func render(into buffer: inout ScreenBuffer, area: Rect)
}
