import DescentCore
import Testing

/// A bad expression and the error it must give.
struct ErrorCase: CustomTestStringConvertible, Sendable {
    let source: String
    var weightNames: [String]? = nil
    let line: Int
    let column: Int
    let message: String
    var testDescription: String { source.replacingNewlines }
}

let errorCases: [ErrorCase] = [
    // Unexpected and trailing tokens.
    ErrorCase(source: "a * * b", line: 1, column: 5, message: "expected a number or a name after '*'"),
    ErrorCase(source: "a +", line: 1, column: 4, message: "expected a number or a name after '+'"),
    ErrorCase(source: "f = ", line: 1, column: 5, message: "expected a number or a name after '='"),
    ErrorCase(source: "min(a, )", line: 1, column: 8, message: "expected a number or a name after ','"),
    ErrorCase(source: "* a", line: 1, column: 1,
              message: "expected a number or a name at the start of a statement, found '*'"),
    ErrorCase(source: "a b", line: 1, column: 3,
              message: "expected an operator between 'a' and 'b' (for a product, write a * b)"),
    ErrorCase(source: "2(a + 1)", line: 1, column: 2,
              message: "expected an operator between '2' and '(' (for a product, write 2 * (…))"),
    ErrorCase(source: "a + b = 3", line: 1, column: 7,
              message: "'=' must follow the name at the start of a statement, as in c = a + b"),
    ErrorCase(source: "a, b", line: 1, column: 2,
              message: "',' separates the arguments of a function such as min(a, b); there is no call here"),
    ErrorCase(source: "a $ b", line: 1, column: 3, message: "unexpected character '$'"),
    ErrorCase(source: "a × b", line: 1, column: 3, message: "unexpected character '×' (write * to multiply)"),
    ErrorCase(source: "a²", line: 1, column: 2, message: "unexpected character '²' (write ^2 for a square)"),
    ErrorCase(source: ". + a", line: 1, column: 1, message: "'.' must be part of a number, like 0.5 or .5"),
    ErrorCase(source: "a + b; c = 1", line: 1, column: 1,
              message: "only the last statement can be a bare expression: name this step (like c = …) or remove it"),
    ErrorCase(source: "c = a + b\nf = c * * b", line: 2, column: 9, message: "expected a number or a name after '*'"),
    ErrorCase(source: "f = a\n  + b", line: 2, column: 3,
              message: "a line cannot start with '+': to continue the line above, end that line with '+' instead"),
    ErrorCase(source: "f = a;\n* b", line: 2, column: 1,
              message: "a line cannot start with '*': to continue the line above, end that line with '*' instead"),
    ErrorCase(source: "f = a; * b", line: 1, column: 8,
              message: "expected a number or a name at the start of a statement, found '*'"),
    // Unbalanced parentheses.
    ErrorCase(source: "(a + b", line: 1, column: 1,
              message: "this '(' is never closed: expected ')' before the end of the input"),
    ErrorCase(source: "f = exp(a + b; g = 1", line: 1, column: 8,
              message: "this '(' is never closed: expected ')' before ';'"),
    ErrorCase(source: "a + b)", line: 1, column: 6, message: "unmatched ')': there is no '(' before it to close"),
    ErrorCase(source: "()", line: 1, column: 2, message: "expected a number or a name after '('"),
    // Functions: unknown names, argument counts, misuse.
    ErrorCase(source: "sine(a)", line: 1, column: 1, message: "unknown function 'sine'; did you mean 'sin'?"),
    ErrorCase(source: "a + sqr(b)", line: 1, column: 5, message: "unknown function 'sqr'; did you mean 'sqrt'?"),
    ErrorCase(source: "ln(a)", line: 1, column: 1,
              message: "unknown function 'ln'; did you mean 'log'? (log is the natural logarithm)"),
    ErrorCase(source: "pow(a, 2)", line: 1, column: 1, message: "unknown function 'pow': write x ^ y for a power"),
    ErrorCase(source: "foo(a)", line: 1, column: 1, message: "unknown function 'foo' (the functions are abs, cos, "
        + "exp, log, max, min, relu, sigmoid, sin, sqrt, square and tanh); to multiply, write foo * (…)"),
    ErrorCase(source: "exp(a, b)", line: 1, column: 1, message: "exp takes 1 argument, as in exp(x); got 2"),
    ErrorCase(source: "exp()", line: 1, column: 1, message: "exp takes 1 argument, as in exp(x); got 0"),
    ErrorCase(source: "a + min(a)", line: 1, column: 5, message: "min takes 2 arguments, as in min(x, y); got 1"),
    ErrorCase(source: "exp + a", line: 1, column: 1,
              message: "'exp' is a function: call it with parentheses, like exp(a)"),
    ErrorCase(source: "a + a(2)", line: 1, column: 6, message: "'a' is not a function: to multiply, write a * (…)"),
    // Names and weights.
    ErrorCase(source: "a + b + c", line: 1, column: 9, message: "'c' would be a third weight, after a and b: "
        + "a loss has one or two weights (assign 'c' first, like c = …, if it is a step)"),
    ErrorCase(source: "a + b", weightNames: ["a"], line: 1, column: 5, message: "unknown name 'b': the weights are a"),
    ErrorCase(source: "alpha + betta", weightNames: ["alpha", "beta"], line: 1, column: 9,
              message: "unknown name 'betta': the weights are alpha and beta; did you mean 'beta'?"),
    ErrorCase(source: "f = d * a; d = 2", line: 1, column: 5, message: "'d' is used before it is assigned (at 1:12)"),
    ErrorCase(source: "c = c + a", line: 1, column: 5, message: "'c' is used before it is assigned (at 1:1)"),
    ErrorCase(source: "c = a\nc = b", line: 2, column: 1,
              message: "'c' is already assigned on line 1: give this step a new name"),
    ErrorCase(source: "3 + 4", line: 1, column: 1,
              message: "the loss has no weights: use one or two names, such as a and b, for descent to adjust"),
    ErrorCase(source: "a + b", weightNames: ["a", "b", "c"], line: 1, column: 1,
              message: "a loss has one or two weights; 3 weight names were given"),
    ErrorCase(source: "a", weightNames: ["a", "a"], line: 1, column: 1, message: "the weight name 'a' is given twice"),
    ErrorCase(source: "a", weightNames: ["exp"], line: 1, column: 1,
              message: "'exp' cannot be a weight name: it is a function"),
    ErrorCase(source: "a", weightNames: ["2x"], line: 1, column: 1, message: "'2x' cannot be a weight name: "
        + "a name starts with a letter or _ and continues with letters, digits and _"),
    // Assignment to constants, functions and weights.
    ErrorCase(source: "pi = 3; a * pi", line: 1, column: 1, message: "cannot assign to 'pi': it is a constant"),
    ErrorCase(source: "e = 3; a", line: 1, column: 1, message: "cannot assign to 'e': it is a constant"),
    ErrorCase(source: "exp = 2; a", line: 1, column: 1, message: "cannot assign to 'exp': it is a function"),
    ErrorCase(source: "a = 2; a * b", weightNames: ["a", "b"], line: 1, column: 1,
              message: "cannot assign to 'a': it is a weight"),
    // Empty input and non-finite constants.
    ErrorCase(source: "", line: 1, column: 1, message: "the expression is empty: write a loss such as (a - 1)^2 + b^2"),
    ErrorCase(source: "  \n ;; # only a comment", line: 1, column: 1,
              message: "the expression is empty: write a loss such as (a - 1)^2 + b^2"),
    ErrorCase(source: "a * 1e999", line: 1, column: 5,
              message: "the number 1e999 is too large: numbers must be finite (at most about 1.8e308)"),
    ErrorCase(source: "a + log(0)", line: 1, column: 5,
              message: "this part is constant and evaluates to -inf; constants must be finite numbers"),
    ErrorCase(source: "sqrt(-1) * a", line: 1, column: 1,
              message: "this part is constant and evaluates to nan; constants must be finite numbers"),
    ErrorCase(source: "a + 1 / 0", line: 1, column: 7,
              message: "this part is constant and evaluates to inf; constants must be finite numbers"),
    ErrorCase(source: "a + 1e308 * 10", line: 1, column: 11,
              message: "this part is constant and evaluates to inf; constants must be finite numbers"),
]

/// The message the nesting limit gives.
let nestingMessage = "the expression nests deeper than 100 levels here "
    + "(each parenthesis, function call, unary minus and ^ adds a level)"

@Suite struct `Expression errors name the spot` {
    @Test(arguments: errorCases)
    func `each mistake gives its line, column and message`(_ example: ErrorCase) {
        let error = #expect(throws: ExpressionError.self, "\(example.source.replacingNewlines)") {
            try LossExpression(example.source, weightNames: example.weightNames)
        }
        #expect(error?.message == example.message, "\(example.source.replacingNewlines)")
        #expect(error?.line == example.line && error?.column == example.column,
                "\(example.source.replacingNewlines): at \(error?.line ?? 0):\(error?.column ?? 0)")
    }

    @Test func `the description shows the line with a caret under the spot`() throws {
        let error = try #require(throws: ExpressionError.self) { try LossExpression("a * * b") }
        #expect(error.description == """
            1:5: expected a number or a name after '*'
              a * * b
                  ^
            """)
        let second = try #require(throws: ExpressionError.self) { try LossExpression("c = a\n\tf = c +") }
        #expect(second.description == "2:9: expected a number or a name after '+'\n  \tf = c +\n  \t       ^")
    }

    @Test(arguments: [
        (String(repeating: "(", count: 100_000) + "a" + String(repeating: ")", count: 100_000), 101),
        (String(repeating: "-", count: 100_000) + "a", 101),
        (String(repeating: "exp(", count: 100_000) + "a" + String(repeating: ")", count: 100_000), 401),
        (Array(repeating: "a", count: 100_000).joined(separator: "^"), 202),
    ])
    func `absurd nesting is an error at a fixed limit, not a stack overflow`(source: String, column: Int) throws {
        let error = try #require(throws: ExpressionError.self) { try LossExpression(source) }
        #expect(error.line == 1 && error.column == column)
        #expect(error.message == nestingMessage)
        // The caret display of a 100,000-character line shows only the part around the spot.
        let lines = error.description.split(separator: "\n")
        #expect(lines.count == 3 && lines[1].count < 90 && lines[2].hasSuffix("^"))
        #expect(lines[1].prefix(3) == "  …" && lines[2].count == 2 + 1 + 60 + 1)
    }
}
