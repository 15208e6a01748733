/// Where a value sits in a JSON document, written as people write it in
/// code: `optimizer.learningRate`, `race[2].name`, `start["A1[0][0]"]`.
public struct JSONPath: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// One step down: a member of an object or an element of an array.
    public enum Component: Sendable, Equatable, Hashable {
        case key(String)
        case index(Int)
    }

    public let components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    /// The document itself.
    public static let root = JSONPath()

    /// The path of member `key` of the value here.
    public func appending(_ key: String) -> JSONPath { JSONPath(components + [.key(key)]) }

    /// The path of element `index` (0-based) of the array here.
    public func appending(index: Int) -> JSONPath { JSONPath(components + [.index(index)]) }

    /// The last key on the path, if the path ends in a key.
    public var lastKey: String? {
        if case .key(let key)? = components.last { return key }
        return nil
    }

    /// Dotted keys and bracketed indices; a key that is not a plain
    /// identifier is bracketed and quoted. The root reads "(top level)".
    public var description: String {
        guard !components.isEmpty else { return "(top level)" }
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key) where Self.isIdentifier(key):
                text += text.isEmpty ? key : "." + key
            case .key(let key):
                text += "[\"\(key)\"]"
            }
        }
        return text
    }

    private static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || first == "$" || first.properties.isAlphabetic
        else { return false }
        return key.unicodeScalars.allSatisfy {
            $0 == "_" || $0 == "$" || $0 == "-" || $0.properties.isAlphabetic || ("0"..."9").contains($0)
        }
    }
}
