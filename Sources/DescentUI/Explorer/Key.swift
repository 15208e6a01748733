/// A key press, decoded from the terminal or from `--keys` notation.
public enum Key: Hashable, Sendable {
    case character(Character)
    case enter, escape, tab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    /// The terminal changed size (ncurses reports it as a key).
    case resize
    /// A mouse click or wheel turn at a cell.
    case mouse(MouseEvent)

    public static let space = Key.character(" ")

    /// How the key is shown in the help overlay and the hint bar.
    public var label: String {
        switch self {
        case .character(" "): "space"
        case .character(let c): String(c)
        case .enter: "enter"
        case .escape: "esc"
        case .tab: "tab"
        case .backspace: "backspace"
        case .delete: "delete"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "home"
        case .end: "end"
        case .pageUp: "page up"
        case .pageDown: "page down"
        case .function(let n): "F\(n)"
        case .resize: "resize"
        case .mouse(let event): "<\(event.kind.rawValue):\(event.column),\(event.row)>"
        }
    }
}

/// `--keys` notation: characters as typed, named keys in angle brackets
/// (`<space>`, `<enter>`, `<esc>`, `<tab>`, `<bs>`, `<up>`, …; `<lt>` for a
/// literal `<`).
///
/// A `<` opens a name only when a name follows it: letters, digits and `-`
/// (and the `:` and `,` of a mouse event) up to a `>`. Such a name must be
/// known, so a typo is an error, not keys pressed by surprise. Any other `<`
/// (`<` alone, `< >`, the first of `<<up>`) is the key `<` itself.
public enum KeyNotation {
    /// The names accepted inside angle brackets.
    public static let names: [String: Key] = [
        "space": .space, "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
        "tab": .tab, "bs": .backspace, "backspace": .backspace, "del": .delete, "delete": .delete,
        "up": .up, "down": .down, "left": .left, "right": .right,
        "home": .home, "end": .end, "pgup": .pageUp, "pgdn": .pageDown, "lt": .character("<"),
        "f1": .function(1), "f2": .function(2), "f3": .function(3), "f4": .function(4),
        "f5": .function(5), "f6": .function(6), "f7": .function(7), "f8": .function(8),
        "f9": .function(9), "f10": .function(10), "f11": .function(11), "f12": .function(12),
    ]

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        /// 1-based character position of the offending `<`.
        public let position: Int
        public let name: String
        public init(position: Int, name: String) {
            self.position = position
            self.name = name
        }
        public var description: String {
            let known = names.keys.sorted().map { "<\($0)>" }.joined(separator: " ")
                + " and mouse events <click:COLUMN,ROW> <wheelup:COLUMN,ROW> <wheeldown:COLUMN,ROW>"
            return "unknown key <\(name)> at character \(position); named keys are \(known)"
        }
    }

    /// `click:COLUMN,ROW`, `wheelup:COLUMN,ROW` or `wheeldown:COLUMN,ROW`
    /// (0-based cells), for scripting mouse input in `--keys`.
    static func mouseEvent(_ name: String) -> Key? {
        let parts = name.lowercased().split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let kind = MouseEvent.Kind(rawValue: String(parts[0])) else { return nil }
        let cell = parts[1].split(separator: ",")
        guard cell.count == 2, let column = Int(cell[0]), let row = Int(cell[1]), column >= 0, row >= 0 else { return nil }
        return .mouse(MouseEvent(kind: kind, column: column, row: row))
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "-:,".contains(character))
    }

    /// The keys `text` stands for, in order.
    public static func parse(_ text: String) throws(ParseError) -> [Key] {
        var keys: [Key] = []
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            let character = characters[i]
            if character == "<", let close = characters[(i + 1)...].firstIndex(of: ">"), close > i + 1,
               characters[(i + 1)..<close].allSatisfy(isNameCharacter) {
                let name = String(characters[(i + 1)..<close])
                guard let key = names[name.lowercased()] ?? mouseEvent(name) else {
                    throw ParseError(position: i + 1, name: name)
                }
                keys.append(key)
                i = close + 1
            } else {
                keys.append(.character(character))
                i += 1
            }
        }
        return keys
    }
}
