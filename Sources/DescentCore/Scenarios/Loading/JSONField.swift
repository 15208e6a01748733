// Decoding helpers: every accessor either returns a value of the asked type
// and range or throws a `ScenarioError` that names the file, the position,
// the path, what was found and what is allowed. The loader reads a file only
// through these, so no mistake goes unreported and none can crash it.

/// A JSON value being decoded, with its path and file for error messages.
struct JSONField {
    let value: JSONValue
    let path: JSONPath
    let file: String

    /// An error about this value.
    func error(_ message: String) -> ScenarioError {
        ScenarioError(file: file, position: value.position, path: path, message: message)
    }

    /// "expected X, got Y" for a value of the wrong kind.
    func typeError(_ expected: String) -> ScenarioError {
        error("expected \(expected), got \(value.kindDescription)")
    }

    /// The value as an object whose keys are all among `allowed`; an unknown
    /// key is an error at that key, with a did-you-mean suggestion.
    /// `listing` replaces the list of allowed keys in the message (a long
    /// list of weight names, shortened).
    func object(allowing allowed: [String], what: String? = nil,
                listing: String? = nil) throws(ScenarioError) -> JSONObjectReader {
        guard let members = value.members else { throw typeError("an object") }
        for member in members where !allowed.contains(member.key) {
            let suggestion = Self.didYouMean(member.key, among: allowed)
            let list = listing ?? (allowed.isEmpty ? "none" : allowed.joined(separator: ", "))
            throw ScenarioError(file: file, position: member.keyPosition, path: path.appending(member.key),
                                message: "unknown key\(suggestion); \(what ?? "this object") takes \(list)")
        }
        return JSONObjectReader(field: self, members: members)
    }

    /// The value as an object of any keys (checked by the caller).
    func anyObject() throws(ScenarioError) -> JSONObjectReader {
        guard let members = value.members else { throw typeError("an object") }
        return JSONObjectReader(field: self, members: members)
    }

    /// " (did you mean 'title'?)" for a likely typo of a candidate (a
    /// swap of two letters counts as one edit); empty when nothing is close,
    /// or when the only match shares no letter with the word (`c` for `w`).
    static func didYouMean(_ word: String, among candidates: [String]) -> String {
        guard let candidate = DidYouMean.suggestion(for: word, among: candidates),
              DidYouMean.editDistance(word.lowercased(), candidate.lowercased()) < min(word.count, candidate.count)
        else { return "" }
        return " (did you mean '\(candidate)'?)"
    }

    func string() throws(ScenarioError) -> String {
        guard case .string(let text) = value.kind else { throw typeError("a string") }
        return text
    }

    /// A string with something in it other than spaces.
    func nonEmptyString() throws(ScenarioError) -> String {
        let text = try string()
        guard text.contains(where: { !$0.isWhitespace }) else { throw error("must not be empty") }
        return text
    }

    /// One of `options` (exactly as written), with a did-you-mean suggestion.
    func choice(_ options: [String]) throws(ScenarioError) -> String {
        let text = try string()
        guard options.contains(text) else {
            let suggestion = Self.didYouMean(text, among: options)
            throw error("unknown value '\(text)'\(suggestion); expected one of \(options.joined(separator: ", "))")
        }
        return text
    }

    func bool() throws(ScenarioError) -> Bool {
        guard case .bool(let flag) = value.kind else { throw typeError("true or false") }
        return flag
    }

    /// A number (JSON numbers are always finite) within `bounds`.
    func number(_ bounds: NumberBounds = .any) throws(ScenarioError) -> Double {
        guard case .number(let number, let text) = value.kind else { throw typeError("a number") }
        guard bounds.contains(number) else { throw error("must be \(bounds), got \(text)") }
        return number
    }

    /// A whole number from `lower` to `upper`.
    func integer(from lower: Int, to upper: Int = 1_000_000_000) throws(ScenarioError) -> Int {
        guard case .number(let number, let text) = value.kind else { throw typeError("a whole number") }
        let wanted = upper >= 1_000_000_000 ? "a whole number ≥ \(lower)" : "a whole number from \(lower) to \(upper)"
        guard number.rounded() == number, number >= Double(lower), number <= Double(upper) else {
            throw error("must be \(wanted), got \(text)")
        }
        return Int(number)
    }

    /// A seed: a whole number from 0 to 2⁶⁴ − 1, read exactly from its
    /// digits (a `Double` would round seeds above 2⁵³).
    func seed() throws(ScenarioError) -> UInt64 {
        guard case .number(_, let text) = value.kind else { throw typeError("a whole number") }
        guard text.allSatisfy(\.isASCIIDigit), let seed = UInt64(text) else {
            throw error("must be a whole number from 0 to 18446744073709551615 written in digits, got \(text)")
        }
        return seed
    }

    /// The elements of an array, each with its path.
    func array() throws(ScenarioError) -> [JSONField] {
        guard case .array(let elements) = value.kind else { throw typeError("an array") }
        return elements.enumerated().map { JSONField(value: $1, path: path.appending(index: $0), file: file) }
    }

    /// An array of `count` numbers.
    func numbers(count: Int) throws(ScenarioError) -> [Double] {
        let elements = try array()
        guard elements.count == count else {
            throw error("expected an array of \(count) numbers, got \(elements.count) \(elements.count == 1 ? "element" : "elements")")
        }
        var numbers: [Double] = []
        for element in elements { numbers.append(try element.number()) }
        return numbers
    }

    /// `[lower, upper]` with lower < upper, neither too wide nor too narrow
    /// for doubles to divide into a grid (`ViewRegion.isShowable`).
    func interval() throws(ScenarioError) -> ClosedRange<Double> {
        guard case .array(let elements) = value.kind, elements.count == 2 else {
            throw error("expected [lower, upper], two numbers, got \(value.kindDescription)")
        }
        let bounds = try numbers(count: 2)
        guard bounds[0] < bounds[1] else {
            throw error("the lower end must be below the upper end, got [\(Self.text(of: elements[0])), \(Self.text(of: elements[1]))]")
        }
        guard ViewRegion.isShowable(bounds[0], bounds[1]) else {
            throw error("[\(Self.text(of: elements[0])), \(Self.text(of: elements[1]))] is not a usable range: its width must "
                            + "be a finite number and at least \(ViewRegion.minimumRelativeWidth) times the larger end's size")
        }
        return bounds[0]...bounds[1]
    }

    private static func text(of value: JSONValue) -> String {
        if case .number(_, let text) = value.kind { return text }
        return value.kindDescription
    }
}

/// The members of an object being decoded.
struct JSONObjectReader {
    let field: JSONField
    let members: [JSONMember]

    var keys: [String] { members.map(\.key) }

    func has(_ key: String) -> Bool { members.contains { $0.key == key } }

    /// Member `key`, if present.
    func optional(_ key: String) -> JSONField? {
        guard let member = members.first(where: { $0.key == key }) else { return nil }
        return JSONField(value: member.value, path: field.path.appending(key), file: field.file)
    }

    /// Member `key`; its absence is an error at the object that says what
    /// the key is for.
    func required(_ key: String, _ purpose: String) throws(ScenarioError) -> JSONField {
        guard let member = optional(key) else { throw missing(key, purpose) }
        return member
    }

    /// The error for a missing key.
    func missing(_ key: String, _ purpose: String) -> ScenarioError {
        ScenarioError(file: field.file, position: field.value.position, path: field.path.appending(key),
                      message: "missing; \(purpose)")
    }

    /// Every member, with its path and the position of its key.
    var fields: [(key: String, keyPosition: TextPosition, field: JSONField)] {
        members.map { ($0.key, $0.keyPosition, JSONField(value: $0.value, path: field.path.appending($0.key), file: field.file)) }
    }
}

/// The range a number must lie in, written as a message reads it
/// ("> 0", "≥ 0 and < 1").
struct NumberBounds: CustomStringConvertible {
    var lower: Double?
    var isLowerIncluded = true
    var upper: Double?
    var isUpperIncluded = true

    static let any = NumberBounds()
    static let positive = NumberBounds(lower: 0, isLowerIncluded: false)
    static let nonNegative = NumberBounds(lower: 0)
    /// [0, 1): momentum, β, α.
    static let fraction = NumberBounds(lower: 0, upper: 1, isUpperIncluded: false)
    /// (0, 1]: a decay factor.
    static let factor = NumberBounds(lower: 0, isLowerIncluded: false, upper: 1)

    func contains(_ x: Double) -> Bool {
        if let lower, isLowerIncluded ? x < lower : x <= lower { return false }
        if let upper, isUpperIncluded ? x > upper : x >= upper { return false }
        return true
    }

    var description: String {
        var parts: [String] = []
        if let lower { parts.append((isLowerIncluded ? "≥ " : "> ") + Self.text(lower)) }
        if let upper { parts.append((isUpperIncluded ? "≤ " : "< ") + Self.text(upper)) }
        return parts.isEmpty ? "a number" : parts.joined(separator: " and ")
    }

    private static func text(_ x: Double) -> String {
        x.rounded() == x && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
