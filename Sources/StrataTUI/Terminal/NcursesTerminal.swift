import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal, through ncursesw (facts in NCURSES.md).
///
/// Starting it: `setlocale(LC_ALL, "")` (it picks the bytes ncurses writes; text widths never
/// depend on it: `TextWidth`), UTF-8 check with `nl_langinfo(CODESET)`, quit-signal
/// handlers (`SignalMonitor`) before `newterm` so ncurses does not exit on Ctrl-C itself, then
/// cbreak (Ctrl-Z keeps working; ncurses' SIGTSTP handler suspends and repaints on `fg`),
/// noecho, keypad, nonl, hidden cursor, 25 ms escape delay, default colours, and a C crash
/// handler that restores the terminal, then ends the process by the fatal signal (shim.c).
/// Input goes through `InputDecoder` (escape sequences read whole, mouse reports decoded),
/// colours through `TerminalStyleResolver`. Mouse reporting (`MouseReporting`) is switched on
/// when asked for and the terminal can, and off again on every way out: `shutdown()` (quit,
/// quit signals, errors: the owner's `defer`, and `deinit`), the crash handler, and Ctrl-Z
/// for as long as the process is stopped (shim.c).
///
/// A class because it owns the terminal; not `Sendable`: the thread that creates it is the
/// only one that may call it. `shutdown()` (also run by `deinit`) gives everything back.
/// While it runs, nothing else may write to stdout or stderr (it would scribble over the
/// screen): log to a file, or print after `shutdown()`.
public final class NcursesTerminal: TerminalBackend {
    /// Whether the C library's locale is UTF-8 (otherwise glyphs are ASCII and non-ASCII text
    /// is drawn as `?`).
    public let isUTF8: Bool
    public let glyphs: GlyphSet
    /// Colours available: 0 for monochrome (no colour support, or NO_COLOR), else 8, 16, 256…
    public let colorCount: Int

    private let window: UnsafeMutablePointer<WINDOW>
    private let screenHandle: OpaquePointer
    private let signals = SignalMonitor()
    private var pairs: ColorPairTable
    private let resolver: TerminalStyleResolver
    private var previous: ScreenBuffer?
    private var needsFullRedraw = true
    private var isActive = true
    private var scalars: ContiguousArray<UInt32> = []
    private var decoder = InputDecoder()
    /// Whether mouse reporting was switched on (and so must be switched off).
    public let reportsMouse: Bool

    /// Takes over the terminal. Throws when stdin/stdout is not a terminal, TERM is unusable
    /// or unknown; nothing is changed then. `mouse` false (`--no-mouse`) leaves the terminal's
    /// mouse alone.
    public init(capabilities: TerminalCapabilities = .detect(), mouse: Bool = true) throws(TerminalError) {
        if let problem = capabilities.problem { throw problem }
        setlocale(LC_ALL, "")
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
        isUTF8 = codeset == "UTF-8"
        glyphs = .forUTF8(isUTF8)

        strata_clear_pending_quit_signal()
        _ = strata_save_terminal_modes(STDOUT_FILENO)
        try signals.install()
        guard let screen = strata_newterm(nil), let standard = strata_stdscr() else {
            signals.uninstall()
            throw .unknownTerminal(term: capabilities.term ?? "")
        }
        screenHandle = screen
        window = standard
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        curs_set(0)
        set_escdelay(25)

        var colors = 0
        var defaults = (foreground: -1, background: -1)
        if !capabilities.noColor && has_colors() {
            start_color()
            if use_default_colors() == ERR { defaults = (7, 0) }
            colors = Int(strata_colors())
        }
        colorCount = colors
        resolver = TerminalStyleResolver(colorCount: colors, defaultForeground: defaults.foreground,
                                         defaultBackground: defaults.background)
        pairs = ColorPairTable(pairLimit: colors > 0 ? Int(strata_color_pairs()) : 0) { pair, foreground, background in
            init_pair(pair, foreground, background)
        }
        let kmous = strata_terminfo_string("kmous").map { String(cString: $0) }
        decoder = InputDecoder(mouseReportTail: InputDecoder.mouseReportTail(kmous: kmous))
        strata_capture_restore_sequence()
        reportsMouse = MouseReporting.shouldEnable(requested: mouse, term: capabilities.term, kmous: kmous)
        if reportsMouse {
            strata_set_mouse_sequences(MouseReporting.disable, MouseReporting.enable)
            strata_write_now(MouseReporting.enable)
        }
        strata_install_crash_handlers(STDOUT_FILENO)
    }


    deinit { shutdown() }

    public var size: TerminalSize {
        guard isActive else { return TerminalSize(width: 0, height: 0) }
        return TerminalSize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    public var pendingSignal: TerminalSignal? { signals.pendingSignal }

    public func invalidate() { needsFullRedraw = true }

    /// Writes the changed cells, then one `wnoutrefresh` + `doupdate`. After `invalidate()` or
    /// a size change, `clearok` makes ncurses repaint the whole screen. Cells outside the
    /// window (a frame rendered before a resize) are dropped.
    public func draw(_ buffer: ScreenBuffer) {
        guard isActive else { return }
        let full = needsFullRedraw || previous?.width != buffer.width || previous?.height != buffer.height
        if full {
            werase(window)
            clearok(window, true)
        }
        let rows = Int(getmaxy(window)), columns = Int(getmaxx(window))
        buffer.forEachChange(from: full ? nil : previous) { x, y, cell in
            guard y < rows, x + Int(cell.width) <= columns else { return }
            put(cell, x: x, y: y)
        }
        wnoutrefresh(window)
        doupdate()
        previous = buffer
        needsFullRedraw = false
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        while let input = readInput(timeoutMilliseconds: timeoutMilliseconds) {
            if case .key(let key) = input { return key }
        }
        return nil
    }

    public func readInput(timeoutMilliseconds: Int) -> InputEvent? {
        guard isActive else { return nil }
        let input = decoder.nextInput(timeoutMilliseconds: timeoutMilliseconds) { timeout in readRaw(timeoutMilliseconds: timeout) }
        if input == .key(.resize) { needsFullRedraw = true }
        return input
    }

    /// One unit from `get_wch`, waiting up to `timeoutMilliseconds`; nil when none came.
    private func readRaw(timeoutMilliseconds: Int) -> RawInput? {
        wtimeout(window, Int32(clamping: max(0, timeoutMilliseconds)))
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        if result == KEY_CODE_YES { return .keyCode(Int32(bitPattern: code)) }
        return result == OK ? .character(UInt32(code)) : nil
    }

    public func shutdown() {
        guard isActive else { return }
        isActive = false
        if reportsMouse {
            strata_clear_mouse_sequences()
            strata_write_now(MouseReporting.disable)
        }
        curs_set(1)
        endwin()
        delscreen(screenHandle)
        strata_restore_crash_handlers()
        signals.uninstall()
    }

    /// Draws one cell with `setcchar` + `mvwadd_wch`. O(1), no allocation after the first call.
    private func put(_ cell: Cell, x: Int, y: Int) {
        let style = resolver.resolve(cell.style)
        var attributes = strata_attr_normal()
        if style.bold { attributes |= strata_attr_bold() }
        if style.dim { attributes |= strata_attr_dim() }
        if style.underline { attributes |= strata_attr_underline() }
        if style.reverse { attributes |= strata_attr_reverse() }
        let pair = colorCount > 0 ? pairs.pair(foreground: style.foreground, background: style.background) : 0

        scalars.removeAll(keepingCapacity: true)
        if isUTF8 || cell.glyph.isASCII {
            cell.glyph.forEachScalar { scalars.append($0) }
        } else {
            // A non-UTF-8 locale cannot show it; keep the columns right with one `?` per column.
            scalars.append(0x3F)
            for offset in 0..<max(1, Int(cell.width)) {
                scalars.withUnsafeBufferPointer { buffer in
                    _ = strata_put_cell(window, Int32(y), Int32(x + offset), buffer.baseAddress, 1, attributes, pair)
                }
            }
            return
        }
        scalars.withUnsafeBufferPointer { buffer in
            _ = strata_put_cell(window, Int32(y), Int32(x), buffer.baseAddress, Int32(buffer.count), attributes, pair)
        }
    }
}
