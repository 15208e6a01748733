/// The text of a finite number that reads back as the same double, shared by
/// JSON and CSV so one run prints the same digits in both: a whole number
/// below 2⁵³ without a fraction (`6`, not `6.0`; both zeros as `0`), any
/// other in Swift's shortest round-trip form (`0.1`, `2.5e-11`).
func exactDecimal(_ value: Double) -> String {
    precondition(value.isFinite, "a non-finite number is spelled by its format (null, nan, inf)")
    if value == value.rounded(.towardZero) && Swift.abs(value) < 9_007_199_254_740_992 {
        return String(Int64(value))
    }
    return "\(value)"
}
