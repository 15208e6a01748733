/// A JSON value together with where it starts in its text, so a mistake
/// found while reading it can point at the line and column.
///
/// Objects keep their members in file order (as written), which error
/// messages and did-you-mean suggestions rely on; duplicate keys are a
/// syntax error, so each key appears once.
public struct JSONValue: Sendable, Equatable {
    /// What the value is.
    public enum Kind: Sendable, Equatable {
        case null
        case bool(Bool)
        /// A finite number, with its text as written (`1e3`, `0.10`), so an
        /// integer can be read exactly and a message can quote it.
        case number(Double, text: String)
        case string(String)
        case array([JSONValue])
        case object([JSONMember])
    }

    public let kind: Kind
    /// Where the value's first character is.
    public let position: TextPosition

    public init(_ kind: Kind, at position: TextPosition) {
        self.kind = kind
        self.position = position
    }

    /// What the value is, in the words an error message uses:
    /// "null", "true", "a number", "a string", "an array", "an object".
    public var kindDescription: String {
        switch kind {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The members of an object, in file order; nil for anything else.
    public var members: [JSONMember]? {
        if case .object(let members) = kind { return members }
        return nil
    }

    /// The value of an object's member `key`; nil when absent or not an object.
    public subscript(key: String) -> JSONValue? {
        members?.first(where: { $0.key == key })?.value
    }
}

/// One `"key": value` pair of a JSON object.
public struct JSONMember: Sendable, Equatable {
    public let key: String
    /// Where the key's opening quote is.
    public let keyPosition: TextPosition
    public let value: JSONValue

    public init(key: String, keyPosition: TextPosition, value: JSONValue) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}
