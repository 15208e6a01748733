import DescentCore
import Testing

/// Swift's `Double(String)` stops reading at a NUL byte, so "2\0junk" read
/// as 2: a corrupted file passed for good data. Numbers in files must be
/// the whole text.
@Suite struct `A NUL byte never hides the rest of a number` {
    @Test func `a CSV cell with a NUL byte is not a number`() {
        #expect(throws: CSVError(file: "d.csv", line: 2, column: 2, problem: .notANumber(text: "2\u{0}junk"))) {
            try Dataset(csv: "x,y\n1,2\u{0}junk\n3,4\n", file: "d.csv")
        }
        #expect(throws: CSVError.self) { try Dataset(csv: "x,y\n1\u{0},2\n", file: "d.csv") }
    }

    @Test func `a schedule with a NUL byte is refused, from a scenario file too`() {
        #expect(throws: LearningRateSchedule.NotationError.self) {
            try LearningRateSchedule(notation: "step:30:0.5\u{0}9")
        }
        let file = #"""
            {"title": "t", "lesson": "l", "model": {"function": "bowl"},
             "optimizer": {"name": "sgd", "learningRate": 0.1}, "schedule": "exponential:0.9\u00009"}
            """#
        let error = scenarioError(file)
        #expect(error?.contains("schedule: exponential:0.9\u{0}9: the factor must be a number") == true, "\(error ?? "loaded")")
    }
}
