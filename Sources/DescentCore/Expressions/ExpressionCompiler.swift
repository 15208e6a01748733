// Design: one pass, no syntax tree. A recursive-descent parser emits
// instructions as it recognises each operation, folding constant parts as it
// goes, so a long chain such as `a + a + … + a` never builds a deep tree that
// a later pass would have to walk recursively. Recursion happens only where
// the input nests (parentheses, calls, unary minus, ^), and a depth counter
// stops it at a fixed limit with an error, so no input can overflow the stack.
//
// Grammar (lowest precedence first):
//
//     program    = statement { (";" | newline) statement }
//     statement  = name "=" expression | expression        (a bare expression only last)
//     expression = term { ("+" | "-") term }
//     term       = unary { ("*" | "/") unary }
//     unary      = "-" unary | power                       (so -a^2 = -(a^2))
//     power      = primary [ "^" unary ]                    (right-associative: a^b^c = a^(b^c))
//     primary    = number | name | name "(" arguments ")" | "(" expression ")"
//
// Inside parentheses a line break does not end the statement, and a line that
// ends with an operator continues on the next.

/// Parses and compiles the source of a loss expression into instructions.
struct ExpressionCompiler {
    /// What compiling produces (see `LossExpression`).
    struct Program {
        var weightNames: [String]
        var statements: [ExpressionStatement]
        var instructions: [ExpressionInstruction]
        var namedSlots: [LossExpression.NamedSlot]
        var output: Int
    }

    /// A value while compiling: known now (and folded), or computed by an
    /// instruction at run time.
    private enum Operand {
        case constant(Double)
        case slot(Int)
    }

    private let lexer: ExpressionLexer
    private let tokens: [ExpressionToken]
    private var position = 0
    /// The last token consumed (not counting line breaks), for "after '*'".
    private var previous: ExpressionToken?
    private let explicitWeights: [String]?
    private var weightNames: [String]
    private var weightSlots: [Int?]
    private var instructions: [ExpressionInstruction] = []
    /// Slots that already carry a name (weights and named steps); naming one
    /// again would rename it, so a step that is only such a slot gets a copy.
    private var namedOrWeightSlots: Set<Int> = []
    private var steps: [String: (slot: Int, line: Int)] = [:]
    private var namedSlots: [LossExpression.NamedSlot] = []
    private var statements: [ExpressionStatement] = []
    /// Every name that is assigned somewhere, with its first assignment,
    /// found before compiling so a use ahead of it gets a precise error.
    private let assignments: [String: ExpressionToken]
    private var depth = 0
    private var parenthesisDepth = 0

    init(source: String, weightNames explicitWeights: [String]?) throws(ExpressionError) {
        lexer = ExpressionLexer(source)
        tokens = try lexer.tokens()
        self.explicitWeights = explicitWeights
        weightNames = explicitWeights ?? []
        weightSlots = Array(repeating: nil, count: weightNames.count)
        var assignments: [String: ExpressionToken] = [:]
        for index in tokens.indices.dropLast() {
            let startsStatement = index == 0 || tokens[index - 1].kind == .semicolon || tokens[index - 1].kind == .newline
            if startsStatement, let name = tokens[index].name, tokens[index + 1].kind == .equals,
               assignments[name] == nil {
                assignments[name] = tokens[index]
            }
        }
        self.assignments = assignments
        if let explicitWeights { try validate(explicitWeights) }
    }

    private var current: ExpressionToken { tokens[position] }

    private var next: ExpressionToken { tokens[min(position + 1, tokens.count - 1)] }

    @discardableResult
    private mutating func advance() -> ExpressionToken {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        if token.kind != .newline { previous = token }
        return token
    }

    private func error(at token: ExpressionToken, _ message: String) -> ExpressionError {
        lexer.error(line: token.line, column: token.column, message)
    }

    // MARK: Statements

    mutating func compile() throws(ExpressionError) -> Program {
        skipSeparators()
        guard current.kind != .end else {
            throw lexer.error(line: 1, column: 1, "the expression is empty: write a loss such as (a - 1)^2 + b^2")
        }
        var output: Operand = .constant(0)
        var bareStatement: ExpressionToken?
        var lossStart = current
        while current.kind != .end {
            if [.plus, .star, .slash, .caret].contains(current.kind), position > 0,
               tokens[position - 1].kind == .newline {
                throw error(at: current, "a line cannot start with '\(current.text)': "
                    + "to continue the line above, end that line with '\(current.text)' instead")
            }
            if let bareStatement {
                throw error(at: bareStatement,
                            "only the last statement can be a bare expression: name this step (like c = …) or remove it")
            }
            let start = current
            lossStart = start
            var name: String?
            if let assigned = start.name, next.kind == .equals {
                name = assigned
                output = .slot(try compileAssignment())
            } else {
                output = try parseExpression()
                bareStatement = start
            }
            guard current.isStatementEnd else { throw unexpectedAfterOperand(insideParentheses: nil) }
            let end = previous?.end ?? start.end
            statements.append(ExpressionStatement(
                name: name, text: String(lexer.characters[start.start..<end]), line: start.line, column: start.column))
            skipSeparators()
        }
        if weightNames.isEmpty {
            throw error(at: lossStart,
                        "the loss has no weights: use one or two names, such as a and b, for descent to adjust")
        }
        let outputSlot: Int = switch output {
        case .slot(let slot): slot
        case .constant(let value): emit(.constant(value))
        }
        return Program(weightNames: weightNames, statements: statements, instructions: instructions,
                       namedSlots: namedSlots, output: outputSlot)
    }

    /// Skips `;` and line breaks before a statement; nothing before it
    /// belongs to the new statement, so messages say "at the start".
    private mutating func skipSeparators() {
        while current.kind == .semicolon || current.kind == .newline { advance() }
        previous = nil
    }

    /// `name = expression`: the value gets a slot of its own carrying the name.
    private mutating func compileAssignment() throws(ExpressionError) -> Int {
        let target = advance()
        advance()  // "="
        let name = target.text
        if ExpressionFunction(rawValue: name) != nil {
            throw error(at: target, "cannot assign to '\(name)': it is a function")
        }
        if explicitWeights?.contains(name) == true {
            throw error(at: target, "cannot assign to '\(name)': it is a weight")
        }
        if ExpressionFunction.constant(named: name) != nil {
            throw error(at: target, "cannot assign to '\(name)': it is a constant")
        }
        if let earlier = steps[name] {
            throw error(at: target, "'\(name)' is already assigned on line \(earlier.line): give this step a new name")
        }
        let value = try parseExpression()
        let slot: Int
        switch value {
        case .constant(let number):
            slot = emit(.constant(number))
        case .slot(let existing) where namedOrWeightSlots.contains(existing):
            // `f = a`: a copy (+0, exact), so naming f does not rename a.
            slot = emit(.shift(existing, by: 0))
        case .slot(let fresh):
            slot = fresh
        }
        steps[name] = (slot, target.line)
        namedOrWeightSlots.insert(slot)
        namedSlots.append(LossExpression.NamedSlot(slot: slot, name: name))
        return slot
    }

    // MARK: Expressions

    private mutating func parseExpression() throws(ExpressionError) -> Operand {
        var left = try parseTerm()
        while true {
            skipLineBreaksInsideParentheses()
            guard current.kind == .plus || current.kind == .minus else { return left }
            let operation = advance()
            let right = try parseTerm()
            left = try combine(operation, left, right)
        }
    }

    private mutating func parseTerm() throws(ExpressionError) -> Operand {
        var left = try parseUnary()
        while true {
            skipLineBreaksInsideParentheses()
            guard current.kind == .star || current.kind == .slash else { return left }
            let operation = advance()
            let right = try parseUnary()
            left = try combine(operation, left, right)
        }
    }

    private mutating func parseUnary() throws(ExpressionError) -> Operand {
        skipLineBreaks()
        guard current.kind == .minus else { return try parsePower() }
        let minus = advance()
        try enterNesting(at: minus)
        let operand = try parseUnary()
        depth -= 1
        switch operand {
        case .constant(let value): return .constant(-value)
        case .slot(let slot): return .slot(emit(.negate(slot)))
        }
    }

    private mutating func parsePower() throws(ExpressionError) -> Operand {
        let base = try parsePrimary()
        skipLineBreaksInsideParentheses()
        guard current.kind == .caret else { return base }
        let caret = advance()
        try enterNesting(at: caret)
        let exponent = try parseUnary()
        depth -= 1
        return try combine(caret, base, exponent)
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Operand {
        skipLineBreaks()
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return .constant(value)
        case .name(let name):
            advance()
            if current.kind == .leftParenthesis { return try parseCall(token) }
            return try resolve(name, at: token)
        case .leftParenthesis:
            advance()
            try enterNesting(at: token)
            parenthesisDepth += 1
            let inner = try parseExpression()
            skipLineBreaks()
            guard current.kind == .rightParenthesis else { throw unexpectedAfterOperand(insideParentheses: token) }
            advance()
            parenthesisDepth -= 1
            depth -= 1
            return inner
        default:
            throw expectedOperand(found: token)
        }
    }

    private mutating func parseCall(_ nameToken: ExpressionToken) throws(ExpressionError) -> Operand {
        let name = nameToken.text
        guard let function = ExpressionFunction(rawValue: name) else {
            if steps[name] != nil || weightNames.contains(name) || ExpressionFunction.constant(named: name) != nil {
                throw error(at: current, "'\(name)' is not a function: to multiply, write \(name) * (…)")
            }
            throw error(at: nameToken, Self.unknownFunctionMessage(name))
        }
        let open = advance()
        try enterNesting(at: nameToken)
        parenthesisDepth += 1
        var arguments: [Operand] = []
        skipLineBreaks()
        if current.kind != .rightParenthesis {
            while true {
                arguments.append(try parseExpression())
                skipLineBreaks()
                guard current.kind == .comma else { break }
                advance()
            }
        }
        guard current.kind == .rightParenthesis else { throw unexpectedAfterOperand(insideParentheses: open) }
        advance()
        parenthesisDepth -= 1
        depth -= 1
        guard arguments.count == function.arity else {
            let expected = function.arity == 1 ? "1 argument" : "\(function.arity) arguments"
            throw error(at: nameToken, "\(name) takes \(expected), as in \(function.signature); got \(arguments.count)")
        }
        var direct = DirectEvaluator()
        if function.arity == 1 {
            switch arguments[0] {
            case .constant(let x): return .constant(try folded(function.apply(x, in: &direct), at: nameToken))
            case .slot(let x): return .slot(emit(.call(function, x)))
            }
        }
        switch (arguments[0], arguments[1]) {
        case (.constant(let x), .constant(let y)):
            return .constant(try folded(function.apply(x, y, in: &direct), at: nameToken))
        default:
            return .slot(emit(.callTwo(function, slot(for: arguments[0]), slot(for: arguments[1]))))
        }
    }

    // MARK: Names

    private mutating func resolve(_ name: String, at token: ExpressionToken) throws(ExpressionError) -> Operand {
        if let step = steps[name] { return .slot(step.slot) }
        if let index = weightNames.firstIndex(of: name) { return .slot(weightSlot(index)) }
        if let value = ExpressionFunction.constant(named: name) { return .constant(value) }
        if ExpressionFunction(rawValue: name) != nil {
            throw error(at: token, "'\(name)' is a function: call it with parentheses, like \(name)(a)")
        }
        if let assignment = assignments[name] {
            throw error(at: token,
                        "'\(name)' is used before it is assigned (at \(assignment.line):\(assignment.column))")
        }
        if let explicitWeights {
            let known = explicitWeights + steps.keys.sorted()
            var message = "unknown name '\(name)': the weights are \(Self.list(explicitWeights))"
            if let suggestion = Self.suggestion(for: name, among: known) { message += "; did you mean '\(suggestion)'?" }
            throw error(at: token, message)
        }
        guard weightNames.count < LossExpression.maximumWeightCount else {
            throw error(at: token, "'\(name)' would be a third weight, after \(Self.list(weightNames)): "
                + "a loss has one or two weights (assign '\(name)' first, like \(name) = …, if it is a step)")
        }
        weightNames.append(name)
        weightSlots.append(nil)
        return .slot(weightSlot(weightNames.count - 1))
    }

    /// The slot holding weight `index`, emitted at its first use.
    private mutating func weightSlot(_ index: Int) -> Int {
        if let slot = weightSlots[index] { return slot }
        let slot = emit(.weight(index))
        weightSlots[index] = slot
        namedOrWeightSlots.insert(slot)
        return slot
    }

    private func validate(_ names: [String]) throws(ExpressionError) {
        let start = tokens[0]
        guard (1...LossExpression.maximumWeightCount).contains(names.count) else {
            throw error(at: start, "a loss has one or two weights; \(names.count) weight names were given")
        }
        for (index, name) in names.enumerated() {
            guard ExpressionLexer.isName(name) else {
                throw error(at: start, "'\(name)' cannot be a weight name: a name starts with a letter or _ "
                    + "and continues with letters, digits and _")
            }
            guard ExpressionFunction(rawValue: name) == nil else {
                throw error(at: start, "'\(name)' cannot be a weight name: it is a function")
            }
            guard !names[..<index].contains(name) else {
                throw error(at: start, "the weight name '\(name)' is given twice")
            }
        }
    }

    // MARK: Operations

    /// A binary operation; constant operands are folded or become the
    /// constant of a one-edge primitive (`scale`, `shift`, `^c`).
    private mutating func combine(_ operation: ExpressionToken, _ left: Operand,
                                  _ right: Operand) throws(ExpressionError) -> Operand {
        let direct = DirectEvaluator()
        switch (operation.kind, left, right) {
        case (.plus, .constant(let x), .constant(let y)):
            return .constant(try folded(direct.add(x, y), at: operation))
        case (.plus, .slot(let x), .constant(let c)), (.plus, .constant(let c), .slot(let x)):
            return .slot(emit(.shift(x, by: c)))
        case (.plus, .slot(let x), .slot(let y)):
            return .slot(emit(.add(x, y)))

        case (.minus, .constant(let x), .constant(let y)):
            return .constant(try folded(direct.subtract(x, y), at: operation))
        case (.minus, .slot(let x), .constant(let c)):
            // x − c = x + (−c) exactly in floating point.
            return .slot(emit(.shift(x, by: -c)))
        case (.minus, _, _):
            return .slot(emit(.subtract(slot(for: left), slot(for: right))))

        case (.star, .constant(let x), .constant(let y)):
            return .constant(try folded(direct.multiply(x, y), at: operation))
        case (.star, .slot(let x), .constant(let c)), (.star, .constant(let c), .slot(let x)):
            return .slot(emit(.scale(x, by: c)))
        case (.star, .slot(let x), .slot(let y)):
            return .slot(emit(.multiply(x, y)))

        case (.slash, .constant(let x), .constant(let y)):
            return .constant(try folded(direct.divide(x, y), at: operation))
        case (.slash, _, _):
            // Kept as a division (not a scale by 1/c) so the value is exactly
            // what was written and the graph shows ÷.
            return .slot(emit(.divide(slot(for: left), slot(for: right))))

        case (.caret, .constant(let x), .constant(let y)):
            return .constant(try folded(direct.power(x, y), at: operation))
        case (.caret, .slot(let x), .constant(let c)):
            return .slot(emit(.powerConstant(x, c)))
        case (.caret, _, _):
            return .slot(emit(.power(slot(for: left), slot(for: right))))

        default:
            preconditionFailure("combine(_:_:_:) is called only with + - * / ^, got \(operation.text)")
        }
    }

    private mutating func slot(for operand: Operand) -> Int {
        switch operand {
        case .slot(let slot): slot
        case .constant(let value): emit(.constant(value))
        }
    }

    @discardableResult
    private mutating func emit(_ instruction: ExpressionInstruction) -> Int {
        instructions.append(instruction)
        return instructions.count - 1
    }

    /// A folded constant, which must be finite like every number typed.
    private func folded(_ value: Double, at token: ExpressionToken) throws(ExpressionError) -> Double {
        guard value.isFinite else {
            let text = value.isNaN ? "nan" : "\(value)"
            throw error(at: token, "this part is constant and evaluates to \(text); constants must be finite numbers")
        }
        return value
    }

    private mutating func enterNesting(at token: ExpressionToken) throws(ExpressionError) {
        depth += 1
        guard depth <= LossExpression.maximumNestingDepth else {
            throw error(at: token, "the expression nests deeper than \(LossExpression.maximumNestingDepth) levels here "
                + "(each parenthesis, function call, unary minus and ^ adds a level)")
        }
    }

    private mutating func skipLineBreaks() {
        while current.kind == .newline { advance() }
    }

    private mutating func skipLineBreaksInsideParentheses() {
        if parenthesisDepth > 0 { skipLineBreaks() }
    }

    // MARK: Errors

    /// The error for a token where a number or a name should be.
    private func expectedOperand(found token: ExpressionToken) -> ExpressionError {
        if let previous, !previous.isStatementEnd {
            return error(at: token, "expected a number or a name after \(previous.quoted)")
        }
        return error(at: token, "expected a number or a name at the start of a statement, found \(token.quoted)")
    }

    /// The error for a token that cannot follow a complete operand: where an
    /// operator, a separator or (inside parentheses) `)` or `,` should be.
    private func unexpectedAfterOperand(insideParentheses open: ExpressionToken?) -> ExpressionError {
        let token = current
        let before = previous?.text ?? ""
        switch token.kind {
        case .number, .name, .leftParenthesis:
            let product = token.kind == .leftParenthesis ? "\(before) * (…)" : "\(before) * \(token.text)"
            return error(at: token, "expected an operator between '\(before)' and '\(token.text)' "
                + "(for a product, write \(product))")
        case .rightParenthesis:
            return error(at: token, "unmatched ')': there is no '(' before it to close")
        case .comma:
            return error(at: token, "',' separates the arguments of a function such as min(a, b); there is no call here")
        case .equals:
            return error(at: token, "'=' must follow the name at the start of a statement, as in c = a + b")
        default:
            if let open {
                return error(at: open, "this '(' is never closed: expected ')' before \(token.quoted)")
            }
            return error(at: token, "unexpected \(token.quoted) after '\(before)'")
        }
    }

    private static func unknownFunctionMessage(_ name: String) -> String {
        let known = ExpressionFunction.allCases.map(\.name)
        // Names other languages use for the same thing.
        switch name {
        case "ln": return "unknown function 'ln'; did you mean 'log'? (log is the natural logarithm)"
        case "pow": return "unknown function 'pow': write x ^ y for a power"
        default: break
        }
        if let suggestion = suggestion(for: name, among: known) {
            return "unknown function '\(name)'; did you mean '\(suggestion)'?"
        }
        return "unknown function '\(name)' (the functions are \(list(known.sorted()))); "
            + "to multiply, write \(name) * (…)"
    }

    /// `DidYouMean`'s suggestion, unless it would replace the whole name
    /// (`b` is no typo of `a`).
    static func suggestion(for name: String, among candidates: [String]) -> String? {
        guard let suggestion = DidYouMean.suggestion(for: name, among: candidates),
              DidYouMean.editDistance(name, suggestion) < name.count else { return nil }
        return suggestion
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }
}
