import DescentCore

/// Values given per weight on the command line, by name, each weight once:
/// `--start a=-1.2,b=1`, `--at a=2,b=1` (numbers) and
/// `--region a=-3:3,b=-2:2` (ranges).
enum WeightValues {
    /// A finite value for every weight, in the order of `names`.
    static func values(_ text: String, names: [String], option: String, prefix: String) throws(UsageError) -> [Double] {
        try perWeight(text, names: names, option: option, prefix: prefix, form: "NAME=VALUE", example: "0") {
            name, valueText throws(UsageError) in
            guard let value = Double(valueText), value.isFinite else {
                throw UsageError(prefix + "--\(option): \(name) must be a finite number, got '\(valueText)'")
            }
            return value
        }
    }

    /// A range `LOW:HIGH` with finite ends and LOW < HIGH for every weight,
    /// that a view can show (`ViewRegion.isShowable`).
    static func ranges(_ text: String, names: [String], option: String,
                       prefix: String) throws(UsageError) -> [ClosedRange<Double>] {
        try perWeight(text, names: names, option: option, prefix: prefix, form: "NAME=LOW:HIGH", example: "-3:3") {
            name, rangeText throws(UsageError) in
            let bounds = rangeText.split(separator: ":", omittingEmptySubsequences: false)
            guard bounds.count == 2, let low = Double(bounds[0].trimmed), let high = Double(bounds[1].trimmed),
                  low.isFinite, high.isFinite, low < high else {
                throw UsageError(prefix + "--\(option): \(name) must be LOW:HIGH with finite LOW below HIGH, "
                    + "like \(name)=-3:3; got '\(rangeText)'")
            }
            guard ViewRegion.isShowable(low, high) else {
                throw UsageError(prefix + "--\(option): \(name)=\(rangeText) cannot be shown: the width HIGH - LOW "
                    + "must be a finite number and at least \(ViewRegion.minimumRelativeWidth) times the larger end's size")
            }
            return low...high
        }
    }

    /// Splits `NAME=TEXT` pairs at commas and parses each value, checking
    /// that every weight appears exactly once and no other name does.
    private static func perWeight<Value>(_ text: String, names: [String], option: String, prefix: String,
                                         form: String, example: String,
                                         parse: (String, String) throws(UsageError) -> Value) throws(UsageError) -> [Value] {
        var values: [String: Value] = [:]
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = pieces[0].trimmed
            guard pieces.count == 2 else {
                throw UsageError(prefix + "--\(option) takes \(form) pairs separated by commas, like "
                    + names.map { "\($0)=\(example)" }.joined(separator: ",") + "; got '\(part)'")
            }
            guard names.contains(name) else {
                let hint = DidYouMean.suggestion(for: name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
                throw UsageError(prefix + "--\(option): no weight named '\(name)'\(hint); "
                    + "the weights are \(names.joined(separator: ", "))")
            }
            guard values[name] == nil else { throw UsageError(prefix + "--\(option): '\(name)' is given twice") }
            values[name] = try parse(name, pieces[1].trimmed)
        }
        let missing = names.filter { values[$0] == nil }
        guard missing.isEmpty else {
            let what = form == "NAME=VALUE" ? "a value" : "a range"
            throw UsageError(prefix + "--\(option) needs \(what) for every weight; missing \(missing.joined(separator: ", "))")
        }
        return names.compactMap { values[$0] }
    }
}
