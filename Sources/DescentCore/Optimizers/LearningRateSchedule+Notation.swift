extension LearningRateSchedule {
    /// The forms the notation takes, for error messages and help.
    public static let notationForms = "constant, step:EVERY:FACTOR, exponential:FACTOR, cosine:PERIOD or cosine:PERIOD:MINIMUM"

    /// Why a schedule's notation was not understood.
    public struct NotationError: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// Reads the notation `description` writes: `constant`, `step:30:0.5`,
    /// `exponential:0.99`, `cosine:100` or `cosine:100:0.001`. Shared by the
    /// command line (`--schedule`) and the explorer (`:schedule`).
    public init(notation text: String) throws(NotationError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        func whole(_ index: Int, _ what: String) throws(NotationError) -> Int {
            guard let value = Int(parts[index]), value >= 1 else {
                throw NotationError(description: "\(text): \(what) must be a whole number ≥ 1, got '\(parts[index])'")
            }
            return value
        }
        func real(_ index: Int, _ what: String) throws(NotationError) -> Double {
            guard let value = Double(wholeText: parts[index]), value.isFinite else {
                throw NotationError(description: "\(text): \(what) must be a number, got '\(parts[index])'")
            }
            return value
        }
        let schedule: LearningRateSchedule
        switch (parts[0].lowercased(), parts.count) {
        case ("constant", 1): schedule = .constant
        case ("step", 3): schedule = .step(every: try whole(1, "the step interval"), factor: try real(2, "the factor"))
        case ("exponential", 2): schedule = .exponential(factor: try real(1, "the factor"))
        case ("cosine", 2): schedule = .cosine(period: try whole(1, "the period"), minimum: 0)
        case ("cosine", 3): schedule = .cosine(period: try whole(1, "the period"), minimum: try real(2, "the minimum"))
        case ("constant", _), ("step", _), ("exponential", _), ("cosine", _):
            throw NotationError(description: "\(text): wrong number of parts; the forms are \(Self.notationForms)")
        default:
            let hint = DidYouMean.suggestion(for: parts[0], among: ["constant", "step", "exponential", "cosine"])
                .map { " (did you mean '\($0)'?)" } ?? ""
            throw NotationError(description: "unknown schedule '\(parts[0])'\(hint); the forms are \(Self.notationForms)")
        }
        if let problem = schedule.problem { throw NotationError(description: "\(text): \(problem)") }
        self = schedule
    }
}
