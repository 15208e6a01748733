import DescentUI

/// CSV cells for the headless commands' `--format csv`.
enum CSVText {
    /// A number as JSON writes it (`exactDecimal`), or nan/inf/-inf.
    static func cell(_ value: Double) -> String {
        value.isFinite ? exactDecimal(value) : Format.number(value)
    }

    /// Text, quoted when it holds a comma, quote or newline.
    static func cell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
    }
}
