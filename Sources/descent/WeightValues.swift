import DescentCore

/// Ranges given per weight on the command line: `--region a=-3:3,b=-2:2`.
/// (Single values, `--start a=1,b=2` and `--at a=2,b=1`, go through
/// `TrainingOptions.weights`.)
enum WeightValues {
    /// One range per weight, in the order of `names`: every weight once,
    /// each `LOW:HIGH` with finite ends and LOW < HIGH.
    static func ranges(_ text: String, names: [String], option: String,
                       prefix: String) throws(UsageError) -> [ClosedRange<Double>] {
        var ranges: [String: ClosedRange<Double>] = [:]
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = pieces[0].trimmed
            guard pieces.count == 2 else {
                throw UsageError(prefix + "--\(option) takes NAME=LOW:HIGH pairs separated by commas, like "
                    + names.map { "\($0)=-3:3" }.joined(separator: ",") + "; got '\(part)'")
            }
            guard names.contains(name) else {
                let hint = DidYouMean.suggestion(for: name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
                throw UsageError(prefix + "--\(option): no weight named '\(name)'\(hint); "
                    + "the weights are \(names.joined(separator: ", "))")
            }
            guard ranges[name] == nil else { throw UsageError(prefix + "--\(option): '\(name)' is given twice") }
            let bounds = pieces[1].trimmed.split(separator: ":", omittingEmptySubsequences: false)
            guard bounds.count == 2, let low = Double(bounds[0].trimmed), let high = Double(bounds[1].trimmed),
                  low.isFinite, high.isFinite, low < high else {
                throw UsageError(prefix + "--\(option): \(name) must be LOW:HIGH with finite LOW below HIGH, "
                    + "like \(name)=-3:3; got '\(pieces[1].trimmed)'")
            }
            ranges[name] = low...high
        }
        let missing = names.filter { ranges[$0] == nil }
        guard missing.isEmpty else {
            throw UsageError(prefix + "--\(option) needs a range for every weight; missing \(missing.joined(separator: ", "))")
        }
        return names.compactMap { ranges[$0] }
    }
}
