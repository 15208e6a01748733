/// Text that is not JSON, with the line and column of the first problem and
/// what was expected there.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let position: TextPosition
    /// The problem and what is allowed, without the place.
    public let message: String

    public init(at position: TextPosition, _ message: String) {
        self.position = position
        self.message = message
    }

    /// `line:column: message`.
    public var description: String { "\(position): \(message)" }
}
