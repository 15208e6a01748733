/// A mouse click or wheel turn at a screen cell (0-based).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case click
        case wheelUp = "wheelup"
        case wheelDown = "wheeldown"
    }

    public let kind: Kind
    public let column: Int
    public let row: Int

    public init(kind: Kind, column: Int, row: Int) {
        self.kind = kind
        self.column = column
        self.row = row
    }
}
