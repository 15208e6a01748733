import DescentCore

/// A person's mistake on the command line: printed with the usage hint, exit 2.
/// A `failure` (a scenario file that is missing or does not load) is
/// printed without the hint and exits 1.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    /// 2 for a mistake in the words typed, 1 for a failure of what they name.
    var exitCode: Int32 = 2
    init(_ message: String) { description = message }

    /// A failure of a file the words name, not of the words: exit 1.
    static func failure(_ message: String) -> UsageError {
        var error = UsageError(message)
        error.exitCode = 1
        return error
    }
}

/// The words after a subcommand: positional arguments, `--flag` switches and
/// `--option value` pairs (also `--option=value`), checked against what the
/// subcommand accepts so an unknown or misspelt option, or one given twice,
/// is an error. After `--`, every word is positional (so an expression may
/// start with `-`).
struct Arguments {
    private(set) var positionals: [String] = []
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    init(_ words: [String], options: Set<String>, flags allowedFlags: Set<String>, command: String) throws(UsageError) {
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            if word == "--" {
                positionals += words[index...]
                break
            }
            guard word.hasPrefix("--"), word.count > 2 else {
                // A number or an expression such as '-a^2 + b' is no option:
                // options never hold spaces or operators.
                let looksLikeExpression = word.contains { " ^*/+()".contains($0) }
                if word.hasPrefix("-") && word.count > 1 && Double(word) == nil && !looksLikeExpression {
                    throw UsageError(Self.prefix(command) + "unknown option '\(word)' "
                        + "(to pass a word that starts with '-', put it after --)")
                }
                positionals.append(word)
                continue
            }
            var name = String(word.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if allowedFlags.contains(name) {
                guard inlineValue == nil else { throw UsageError(Self.prefix(command) + "--\(name) takes no value") }
                flags.insert(name)
            } else if options.contains(name) {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < words.count else { throw UsageError(Self.prefix(command) + "--\(name) needs a value") }
                    value = words[index]
                    index += 1
                }
                // The last one silently winning would hide a typo in a long command line.
                if let earlier = values[name] {
                    throw UsageError(Self.prefix(command) + "--\(name) is given twice ('\(earlier)', then '\(value)'); "
                        + "give it once")
                }
                values[name] = value
            } else {
                let candidates = options.union(allowedFlags).sorted()
                let known = candidates.map { "--\($0)" }.joined(separator: ", ")
                let hint = DidYouMean.suggestion(for: name, among: candidates).map { " (did you mean '--\($0)'?)" } ?? ""
                throw UsageError(Self.prefix(command) + "unknown option '--\(name)'" + hint
                    + (known.isEmpty ? "" : " (known: \(known))"))
            }
        }
    }

    /// "render: " for a subcommand, nothing for the explorer itself.
    static func prefix(_ command: String) -> String { command.isEmpty ? "" : command + ": " }

    func value(_ name: String) -> String? { values[name] }
    func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// An integer option, checked against `range`.
    func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>, command: String) throws(UsageError) -> Int {
        guard let text = values[name] else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError(Self.prefix(command) + "--\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return number
    }
}
