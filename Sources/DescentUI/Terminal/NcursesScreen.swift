// The only file that talks to ncurses. Everything else draws into a
// ScreenBuffer; this class copies buffers to the terminal, reads keys, and
// puts the terminal back exactly as it was on every way out.
import CNcursesw
import Glibc

/// Why the explorer could not take over the terminal.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
    case notATerminal(stream: String)
    case cannotOpen(term: String)
    case cannotPositionCursor(term: String)

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            "the explorer needs a terminal, but standard \(stream) is not one. "
                + "To get a frame as text, run: descent render --size 100x30"
        case .cannotOpen(let term):
            "cannot open the terminal (TERM=\(term)): set TERM to a terminal type this system knows, "
                + "such as xterm-256color"
        case .cannotPositionCursor(let term):
            "the terminal type TERM=\(term) cannot position the cursor, so the explorer cannot draw on it; "
                + "set TERM to a full-screen terminal such as xterm-256color"
        }
    }
}

/// A full-screen ncurses terminal that implements `Screen`.
@MainActor
public final class NcursesScreen: Screen {
    private let window: UnsafeMutablePointer<WINDOW>
    private let terminal: OpaquePointer
    public let palette: Palette
    private var pairs: [Int: Int32] = [:]
    private var lastPresented: ScreenBuffer?
    private var isStopped = false

    /// Takes over the terminal: alternate screen, no echo, keypad, hidden
    /// cursor, colours as the terminal and `NO_COLOR` allow.
    public init() throws(TerminalError) {
        guard isatty(0) == 1 else { throw .notATerminal(stream: "input") }
        guard isatty(1) == 1 else { throw .notATerminal(stream: "output") }
        Self.useUTF8Locale()
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard let terminal = newterm(nil, shim_open_stdout(), shim_open_stdin()) else {
            throw .cannotOpen(term: term)
        }
        if !Self.hasCapability("cup") {
            endwin()
            delscreen(terminal)
            throw .cannotPositionCursor(term: term)
        }
        self.terminal = terminal
        guard let window = shim_stdscr() else {
            endwin()
            throw .cannotOpen(term: term)
        }
        self.window = window
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        // Clicks and the wheel only; motion reporting would flood the input.
        mousemask(SHIM_MOUSE_EVENTS, nil)
        mouseinterval(0)
        palette = Palette(depth: Self.startColors())
        CrashGuard.install(restoringTerminalWith: { _ = endwin() })
    }

    /// Restores the terminal. Safe to call more than once.
    public func stop() {
        guard !isStopped else { return }
        isStopped = true
        // Without an alternate screen (vt100, the Linux console) the last
        // frame would stay, and the shell's prompt would land on top of it.
        if !Self.hasCapability("smcup") {
            werase(window)
            wrefresh(window)
        }
        mousemask(0, nil)
        curs_set(1)
        endwin()
        delscreen(terminal)
        CrashGuard.uninstall()
    }

    public var size: TerminalSize {
        TerminalSize(columns: Int(getmaxx(window)), rows: Int(getmaxy(window)))
    }

    public func present(_ buffer: ScreenBuffer) {
        let previous = lastPresented?.size == buffer.size ? lastPresented : nil
        if previous == nil { werase(window) }
        var characters: [wchar_t] = [0, 0]
        var cell = cchar_t()
        for row in 0..<buffer.size.rows {
            for column in 0..<buffer.size.columns {
                let current = buffer[column, row]
                // A wide character's right half is drawn with its left half.
                if current.isContinuation { continue }
                if let previous, previous[column, row] == current, previous[column + 1, row] == buffer[column + 1, row] {
                    continue
                }
                characters[0] = wchar_t(bitPattern: current.scalar.value)
                var attributes = SHIM_A_NORMAL
                if current.style.isBold { attributes |= SHIM_A_BOLD }
                if current.style.isUnderlined { attributes |= SHIM_A_UNDERLINE }
                if palette.isReversedWithoutColor(current.style.background) { attributes |= SHIM_A_REVERSE }
                _ = shim_setcchar(&cell, characters, attributes, pair(for: current.style))
                // The bottom-right cell reports ERR but is drawn: ignore the result.
                _ = mvwadd_wch(window, Int32(row), Int32(column), &cell)
            }
        }
        wnoutrefresh(window)
        doupdate()
        lastPresented = buffer
    }

    public func nextKey(timeout: Duration) -> Key? {
        let milliseconds = Int32(clamping: timeout.components.seconds * 1000
            + timeout.components.attoseconds / 1_000_000_000_000_000)
        wtimeout(window, max(0, milliseconds))
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == KEY_CODE_YES { return Self.key(forCode: Int32(character)) }
        if result == OK { return Self.key(forCharacter: character) }
        return nil
    }

    // MARK: - Setup helpers

    /// Whether the terminal's description has the string capability `name`
    /// (`tigetstr` gives nil when it is absent, -1 when it is no string).
    private static func hasCapability(_ name: String) -> Bool {
        let value = tigetstr(name)
        return value != nil && value != UnsafeMutablePointer<CChar>(bitPattern: -1)
    }

    /// Wide characters only work under a UTF-8 locale; fall back to C.UTF-8
    /// when the environment names none (CI, cron, `env -i`).
    private static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        if let codeset = shim_codeset(), String(cString: codeset) == "UTF-8" { return }
        setlocale(LC_CTYPE, "C.UTF-8")
    }

    private static func startColors() -> Palette.Depth {
        if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return .monochrome }
        guard has_colors() else { return .monochrome }
        start_color()
        use_default_colors()
        if shim_COLORS() >= 256 && shim_COLOR_PAIRS() >= 256 { return .extended }
        return .basic
    }

    private func pair(for style: Style) -> Int32 {
        guard palette.depth != .monochrome else { return 0 }
        let (foreground, background) = palette.colors(for: style)
        let key = (foreground + 1) << 16 | (background + 1)
        if let pair = pairs[key] { return pair }
        let pair = alloc_pair(Int32(foreground), Int32(background))
        let usable = pair < 0 ? 0 : pair
        pairs[key] = usable
        return usable
    }

    private static func key(forCharacter character: wint_t) -> Key? {
        switch character {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        default:
            guard let scalar = Unicode.Scalar(UInt32(character)) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// The pending mouse event as a key: a left click or a wheel turn.
    private static func mouseEvent() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let kind: MouseEvent.Kind
        if event.bstate & (SHIM_BUTTON1_PRESSED | SHIM_BUTTON1_CLICKED) != 0 {
            kind = .click
        } else if event.bstate & SHIM_BUTTON4_PRESSED != 0 {
            kind = .wheelUp
        } else if event.bstate & SHIM_BUTTON5_PRESSED != 0 {
            kind = .wheelDown
        } else {
            return nil
        }
        return .mouse(MouseEvent(kind: kind, column: Int(event.x), row: Int(event.y)))
    }

    private static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return mouseEvent()
        case shim_KEY_F(1)...shim_KEY_F(12): return .function(Int(code - shim_KEY_F(0)))
        default: return nil
        }
    }
}
