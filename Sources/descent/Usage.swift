import DescentCore

enum Usage {
    static let version = "descent 0.1.0"

    static let text = """
    descent: watch gradient descent and back-propagation at work, in a terminal.

    USAGE
      descent [SCENARIO]                     open the explorer (default scenario: mse-fit)
      descent --expression EXPR [--start a=-1.2,b=1] [--region a=-3:3,b=-2:2]
                                             open the explorer on a loss you type
      descent --function NAME [--start …] [--region …]
                                             open the explorer on a classic test function
      descent render [SCENARIO] [OPTIONS]    print the frame the explorer would show, as text
      descent grad EXPR --at a=2,b=1 [--format table|json]
                                             the loss; its gradient by back-propagation and
                                             by central differences; their relative error
      descent --help | --version

    RENDER OPTIONS
      --size COLSxROWS   frame size (default 100x30)
      --steps N          steps to take before the key presses (default 0)
      --keys KEYS        key presses, as typed in the explorer: 'nn]?';
                         named keys in angle brackets: <space> <enter> <esc> <tab>
                         <bs> <up> <down> <left> <right> (<lt> for a literal <)
      --ansi             keep colours as ANSI escape codes
      and the surface options below

    SURFACE OPTIONS (the explorer and render)
      --expression EXPR  a loss you type (see EXPRESSIONS): a surface for two
                         weights, a loss curve for one. The view shows -3 to 3,
                         widened to hold the start; the start is one sixth in
                         from the view's top-left corner, (-2, 2); the learning
                         rate makes the first step about a tenth of the view's
                         width (at most 0.1)
      --function NAME    a classic test function (see FUNCTIONS), with its own
                         view, start and learning rate, and its minima marked
      --start a=X,b=Y    where descent starts
      --region a=LOW:HIGH,b=LOW:HIGH
                         the part of the plane shown

    GRAD OPTIONS
      --at NAME=VALUE,...  the point: a value for every weight of the expression
      --format FORMAT      table (default) or json: one line, {"loss": …,
                           "gradient": {…}, "finiteDifference": {…}, "relativeError": …}

    EXPRESSIONS
      A loss of one or two weights: numbers (2, 0.5, 1e-3), names, + - * / ^
      (^ binds tighter than unary minus: -a^2 = -(a^2)), parentheses, pi, e and
      the functions \(functionNames).
      Name steps with ';' or new lines; the last one is the loss:
        'c = a + b; d = b + 1; f = c * d'
      The other names are the weights, in order of first appearance.
      Quote the expression; one that starts with '-' works too.

    FUNCTIONS (weights a and b)
    \(functionTable)

    KEYS IN THE EXPLORER
    \(keyTable)

    Scenarios: \(ScenarioLookup.names.joined(separator: ", "))
    """

    static var functionNames: String {
        ExpressionFunction.allCases.map(\.name).joined(separator: " ")
    }

    static var functionTable: String {
        let width = ClassicFunction.all.map(\.name.count).max() ?? 0
        return ClassicFunction.all.map { function in
            "  " + function.name + String(repeating: " ", count: width - function.name.count + 2) + function.summary
        }.joined(separator: "\n")
    }

    static var keyTable: String {
        KeyBindingTable.lines.map { "  " + $0 }.joined(separator: "\n")
    }
}
