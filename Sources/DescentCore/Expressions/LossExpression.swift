/// A loss of one or two named weights, typed by a person and compiled once.
///
///     let loss = try LossExpression("c = a + b; d = b + 1; f = c * d")
///     loss.weightNames          // ["a", "b"]
///     loss.value(at: [2, 1])    // 6
///
/// The language: numbers (`3`, `0.5`, `.5`, `1e-3`), names, `+ - * / ^`
/// (`^` is right-associative and binds tighter than unary minus, so
/// `-a^2 = -(a^2)` and `a^b^c = a^(b^c)`), unary minus, parentheses, the
/// functions of `ExpressionFunction` (`exp log sqrt abs sin cos tanh sigmoid
/// relu square min max`) and the constants `pi` (or `π`) and `e`. Statements
/// are separated by `;` or line breaks; `name = expression` names a step, and
/// the last statement is the loss. `#` starts a comment.
///
/// Names that are neither assigned nor constants are the weights, in order of
/// first appearance, unless the weight names are given explicitly, in which
/// case any other free name is an error. A loss has one or two weights.
///
/// Compiling folds constant parts and leaves a straight-line list of
/// instructions; `evaluate(_:in:)` runs it over any `ScalarEvaluator`, so the
/// same program gives the plain loss (`DirectEvaluator`, for sampling a
/// surface) and the recorded graph (`Tape`, for the gradient), with every
/// named step named on the tape.
public struct LossExpression: Sendable {
    /// A slot that carries the name of a step (`c` in `c = a + b`).
    public struct NamedSlot: Sendable, Equatable {
        /// The instruction whose value carries the name.
        public let slot: Int
        /// The step's name.
        public let name: String
    }

    /// Deeper nesting (parentheses, calls, unary minus, `^`) is an error.
    public static let maximumNestingDepth = 100
    /// A loss here is a surface over at most two weights.
    public static let maximumWeightCount = 2

    /// The text as typed.
    public let source: String
    /// The weights, in the order of every weight vector.
    public let weightNames: [String]
    /// The statements, for display; the last is the loss.
    public let statements: [ExpressionStatement]
    /// The compiled program: instruction `i` writes slot `i`.
    public let instructions: [ExpressionInstruction]
    /// The slots named by assignments, in statement order.
    public let namedSlots: [NamedSlot]
    /// The slot holding the loss.
    public let output: Int

    /// Compiles `source`. With `weightNames`, those are the weights (one or
    /// two, in that order) and any other free name is an error; without,
    /// the free names are, in order of first appearance.
    ///
    /// - Throws: `ExpressionError` naming the line and column of the first mistake.
    /// - Complexity: O(n) in the length of the source.
    public init(_ source: String, weightNames: [String]? = nil) throws(ExpressionError) {
        var compiler = try ExpressionCompiler(source: source, weightNames: weightNames)
        let program = try compiler.compile()
        self.source = source
        self.weightNames = program.weightNames
        statements = program.statements
        instructions = program.instructions
        namedSlots = program.namedSlots
        output = program.output
    }

    /// The statements on one line, separated by "; " (for a title bar).
    public var singleLineText: String {
        statements.map { $0.text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.joined(separator: " ") }
            .joined(separator: "; ")
    }

    /// Runs the program over `evaluator` with `weights` (one per weight
    /// name) and returns the loss. On a `Tape`, every named step is named.
    ///
    /// Needs no heap memory of its own: the slots live in a temporary
    /// (stack) allocation.
    ///
    /// - Complexity: O(instructions).
    public func evaluate<E: ScalarEvaluator>(_ weights: [E.Value], in evaluator: inout E) -> E.Value {
        precondition(weights.count == weightNames.count,
                     "a loss over \(weightNames) needs \(weightNames.count) weight values, got \(weights.count)")
        return withUnsafeTemporaryAllocation(of: E.Value.self, capacity: instructions.count) { slots in
            var count = 0
            defer { slots.baseAddress?.deinitialize(count: count) }
            for instruction in instructions {
                let value: E.Value = switch instruction {
                case .constant(let c): evaluator.constant(c)
                case .weight(let index): weights[index]
                case .add(let x, let y): evaluator.add(slots[x], slots[y])
                case .subtract(let x, let y): evaluator.subtract(slots[x], slots[y])
                case .multiply(let x, let y): evaluator.multiply(slots[x], slots[y])
                case .divide(let x, let y): evaluator.divide(slots[x], slots[y])
                case .power(let x, let y): evaluator.power(slots[x], slots[y])
                case .scale(let x, let c): evaluator.scale(slots[x], by: c)
                case .shift(let x, let c): evaluator.shift(slots[x], by: c)
                case .powerConstant(let x, let c): evaluator.power(slots[x], c)
                case .negate(let x): evaluator.negate(slots[x])
                case .call(let function, let x): function.apply(slots[x], in: &evaluator)
                case .callTwo(let function, let x, let y): function.apply(slots[x], slots[y], in: &evaluator)
                }
                slots.initializeElement(at: count, to: value)
                count += 1
            }
            for named in namedSlots { evaluator.name(slots[named.slot], named.name) }
            return slots[output]
        }
    }

    /// The loss at `weights`, computed directly (nothing recorded).
    public func value(at weights: [Double]) -> Double {
        var evaluator = DirectEvaluator()
        return evaluate(weights, in: &evaluator)
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
