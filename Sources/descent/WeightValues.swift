/// Values given per weight on the command line: `--at a=2,b=1`,
/// `--start a=-1.2,b=1`, `--region a=-3:3,b=-2:2`.
enum WeightValues {
    /// `NAME=TEXT` pairs separated by commas, in order, each name once.
    static func pairs(_ text: String, option: String, command: String) throws(UsageError) -> [(name: String, text: String)] {
        let prefix = Arguments.prefix(command) + "--\(option)"
        var result: [(name: String, text: String)] = []
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = entry.trimmingSpaces()
            guard let equals = trimmed.firstIndex(of: "="), equals != trimmed.startIndex else {
                throw UsageError("\(prefix): '\(trimmed)' is not NAME=VALUE (like a=2)")
            }
            let name = String(trimmed[..<equals]).trimmingSpaces()
            let value = String(trimmed[trimmed.index(after: equals)...]).trimmingSpaces()
            guard !result.contains(where: { $0.name == name }) else {
                throw UsageError("\(prefix) gives \(name) twice")
            }
            result.append((name, value))
        }
        return result
    }

    /// A finite number, or a usage error naming the option and the weight.
    static func number(_ text: String, for name: String, option: String, command: String) throws(UsageError) -> Double {
        guard let value = Double(text), value.isFinite else {
            throw UsageError(Arguments.prefix(command) + "--\(option): \(name)=\(text): '\(text)' is not a finite number")
        }
        return value
    }

    /// One value per weight, in the order of `weights`: every weight named
    /// once, no other name.
    static func values(_ text: String, for weights: [String], option: String,
                       command: String) throws(UsageError) -> [Double] {
        let given = try pairs(text, option: option, command: command)
        try check(given.map(\.name), against: weights, option: option, command: command)
        var values: [Double] = []
        for weight in weights {
            guard let entry = given.first(where: { $0.name == weight }) else { continue }
            values.append(try number(entry.text, for: weight, option: option, command: command))
        }
        return values
    }

    /// One range per weight (`a=-3:3`), in the order of `weights`.
    static func ranges(_ text: String, for weights: [String], option: String,
                       command: String) throws(UsageError) -> [ClosedRange<Double>] {
        let given = try pairs(text, option: option, command: command)
        try check(given.map(\.name), against: weights, option: option, command: command)
        var ranges: [ClosedRange<Double>] = []
        for weight in weights {
            guard let entry = given.first(where: { $0.name == weight }) else { continue }
            let bounds = entry.text.split(separator: ":", omittingEmptySubsequences: false)
            guard bounds.count == 2 else {
                throw UsageError(Arguments.prefix(command)
                    + "--\(option): \(weight)=\(entry.text) is not LOW:HIGH (like \(weight)=-3:3)")
            }
            let low = try number(String(bounds[0]), for: weight, option: option, command: command)
            let high = try number(String(bounds[1]), for: weight, option: option, command: command)
            guard low < high else {
                throw UsageError(Arguments.prefix(command)
                    + "--\(option): \(weight)=\(entry.text): the low end must be below the high end")
            }
            ranges.append(low...high)
        }
        return ranges
    }

    /// Every weight named, and nothing else.
    private static func check(_ names: [String], against weights: [String], option: String,
                              command: String) throws(UsageError) {
        let prefix = Arguments.prefix(command) + "--\(option)"
        let expected = "the weights are \(list(weights)), like --\(option) \(example(weights, option: option))"
        if let unknown = names.first(where: { !weights.contains($0) }) {
            throw UsageError("\(prefix) names '\(unknown)', which is not a weight (\(expected))")
        }
        if let missing = weights.first(where: { !names.contains($0) }) {
            throw UsageError("\(prefix) has no value for \(missing) (\(expected))")
        }
    }

    /// `a=1,b=1`, or `a=-3:3,b=-3:3` for a region.
    static func example(_ weights: [String], option: String) -> String {
        weights.map { option == "region" ? "\($0)=-3:3" : "\($0)=1" }.joined(separator: ",")
    }

    /// "a", "a and b".
    static func list(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }
}

extension StringProtocol {
    /// The text without spaces at either end.
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
