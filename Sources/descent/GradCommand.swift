import DescentCore
import DescentUI

/// `descent grad (EXPR | --function NAME) --at a=2,b=1 [--format table|json]`: the loss, its
/// gradient by back-propagation and by central differences, and how far the
/// two are apart.
///
/// JSON, one line (a contract; scripts parse it):
///
///     {"loss": 6, "gradient": {"a": 2, "b": 5}, "finiteDifference": {"a": 2.0000000000575113, "b": 5.000000000143778}, "relativeError": 2.9e-11}
///
/// Numbers read back as the same value (see `JSONText.number`); a loss or a
/// component that is not finite is `null`.
enum GradCommand {
    /// Below this relative error the two gradients agree to the precision
    /// central differences allow.
    static let agreement = 1e-6

    static func run(_ words: [String]) throws(UsageError) {
        let arguments = try Arguments(words, options: ["at", "format", "function"], flags: [], command: "grad")
        let format = arguments.value("format") ?? "table"
        guard format == "table" || format == "json" else {
            throw UsageError("grad: --format must be table or json, got '\(format)'")
        }
        let objective = try objective(arguments)
        let names = objective.parameterNames
        guard let at = arguments.value("at") else {
            throw UsageError("grad: --at is required: give a value for each weight, like --at "
                + names.map { "\($0)=1" }.joined(separator: ","))
        }
        let point = try WeightValues.values(at, names: names, option: "at", prefix: "grad: ")
        let check = GradientCheck(of: objective, at: point)
        StandardStreams.output((format == "json" ? json(check, names: names) : table(check, names: names)) + "\n")
    }

    /// The typed expression, or the classic function `--function` names.
    private static func objective(_ arguments: Arguments) throws(UsageError) -> ExpressionObjective {
        if let name = arguments.value("function") {
            if let source = arguments.positionals.first {
                throw UsageError("grad: give an expression ('\(source)') or --function, not both")
            }
            return try SurfaceOptions.classicFunction(named: name, command: "grad").objective
        }
        guard let source = arguments.positionals.first else {
            throw UsageError("grad: expected an expression, like descent grad '(a - 1)^2 + b^2' --at a=0,b=1")
        }
        guard arguments.positionals.count == 1 else {
            throw UsageError("grad: expected one expression (quote it), got \(arguments.positionals.count) words: "
                + arguments.positionals.joined(separator: " "))
        }
        do {
            return try ExpressionObjective(source)
        } catch {
            throw UsageError("grad: \(error)")
        }
    }

    /// The one-line JSON report.
    static func json(_ check: GradientCheck, names: [String]) -> String {
        "{\"loss\": \(JSONText.number(check.loss)), "
            + "\"gradient\": \(JSONText.object(names, check.backpropagated)), "
            + "\"finiteDifference\": \(JSONText.object(names, check.finiteDifference)), "
            + "\"relativeError\": \(JSONText.number(check.relativeError))}"
    }

    /// The report as aligned text:
    ///
    ///     loss  6
    ///
    ///     weight  value  back-propagation  central differences
    ///     a       2      2                 2.0000000000575113
    ///     b       1      5                 5.000000000143778
    ///
    ///     relative error  2.9e-11: back-propagation and central differences agree
    static func table(_ check: GradientCheck, names: [String]) -> String {
        var rows = [["weight", "value", "back-propagation", "central differences"]]
        for (index, name) in names.enumerated() {
            rows.append([name, text(check.point[index]), text(check.backpropagated[index]),
                         text(check.finiteDifference[index])])
        }
        var widths = Array(repeating: 0, count: rows[0].count)
        for row in rows { for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) } }
        let lines = rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
            }.joined()
        }
        let error = check.relativeError
        let verdict: String
        if !error.isFinite {
            verdict = "cannot be compared: the loss or its gradient is not a number here"
        } else if error < agreement {
            verdict = "back-propagation and central differences agree"
        } else {
            verdict = "back-propagation and central differences differ (is the loss smooth here?)"
        }
        let errorText = error.isFinite ? Format.number(error, digits: 2) : text(error)
        return "loss  \(text(check.loss))\n\n" + lines.joined(separator: "\n")
            + "\n\nrelative error  \(errorText): \(verdict)"
    }

    /// A number as JSON writes it, but `inf`, `-inf` and `nan` where JSON has `null`.
    static func text(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return JSONText.number(value)
    }
}
