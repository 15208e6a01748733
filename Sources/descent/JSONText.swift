/// JSON text for the headless commands, whose output scripts parse.
enum JSONText {
    /// A number that reads back as the same value (`exactDecimal`), and
    /// `null` for infinities and NaN, which JSON cannot write.
    static func number(_ value: Double) -> String {
        value.isFinite ? exactDecimal(value) : "null"
    }

    static func number(_ value: Double?) -> String {
        value.map { number($0) } ?? "null"
    }

    static func integer(_ value: Int?) -> String {
        value.map(String.init) ?? "null"
    }

    /// A string literal with quotes, backslashes and control characters escaped.
    static func string(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }

    /// `{"a": 2, "b": 5}`: names with their numbers, in order.
    static func object(_ names: [String], _ values: [Double]) -> String {
        "{" + zip(names, values).map { "\(string($0.0)): \(number($0.1))" }.joined(separator: ", ") + "}"
    }
}
