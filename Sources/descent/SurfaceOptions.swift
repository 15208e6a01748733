import DescentCore

/// `--expression EXPR`, `--function NAME`, `--start a=…,b=…` and
/// `--region a=LOW:HIGH,b=LOW:HIGH`: a surface to open, shared by the
/// explorer, `descent render`, `run` and `sweep`. An expression of one weight opens as a
/// loss curve, of two as a surface.
enum SurfaceOptions {
    /// The options these add to a command.
    static let names: Set<String> = ["expression", "function", "start", "region"]

    /// The classic function `--function NAME` names; an unknown name is a
    /// usage error that lists the known ones.
    static func classicFunction(named name: String, command: String) throws(UsageError) -> ClassicFunction {
        guard let classic = ClassicFunction.named(name) else {
            throw UsageError(Arguments.prefix(command) + "--function: unknown function '\(name)' (known: "
                + ClassicFunction.all.map(\.name).joined(separator: ", ") + ")")
        }
        return classic
    }

    /// The scenario the options describe, or nil when neither `--expression`
    /// nor `--function` is given (then the positional scenario applies).
    /// `--start` without either is an error unless `startsNamedScenarios`
    /// (`descent run` and `sweep` move a named scenario's start themselves).
    static func scenario(from arguments: Arguments, command: String,
                         startsNamedScenarios: Bool = false) throws(UsageError) -> Scenario? {
        let prefix = Arguments.prefix(command)
        let expression = arguments.value("expression"), function = arguments.value("function")
        if expression != nil && function != nil {
            throw UsageError(prefix + "give --expression or --function, not both")
        }
        guard expression != nil || function != nil else {
            if arguments.value("region") != nil || (!startsNamedScenarios && arguments.value("start") != nil) {
                throw UsageError(prefix + (startsNamedScenarios ? "--region goes" : "--start and --region go")
                    + " with --expression or --function")
            }
            return nil
        }
        if let scenario = arguments.positionals.first {
            throw UsageError(prefix + "give a scenario ('\(scenario)') or --expression/--function, not both")
        }
        if let function {
            var scenario = try classicFunction(named: function, command: command).scenario()
            if let start = try start(arguments, for: ClassicFunction.weightNames, command: command) {
                scenario.start = start
            }
            if let region = try region(arguments, for: ClassicFunction.weightNames, command: command) {
                scenario.region = region
            }
            return scenario
        }
        let source = expression ?? ""
        let objective: ExpressionObjective
        do {
            objective = try ExpressionObjective(source)
        } catch {
            throw UsageError(prefix + "--expression: \(error)")
        }
        let names = objective.parameterNames
        return Scenario.expression(objective, start: try start(arguments, for: names, command: command),
                                   region: try region(arguments, for: names, command: command))
    }

    private static func start(_ arguments: Arguments, for names: [String], command: String) throws(UsageError) -> [Double]? {
        guard let text = arguments.value("start") else { return nil }
        return try WeightValues.values(text, names: names, option: "start", prefix: Arguments.prefix(command))
    }

    private static func region(_ arguments: Arguments, for names: [String], command: String) throws(UsageError) -> ViewRegion? {
        guard let text = arguments.value("region") else { return nil }
        let ranges = try WeightValues.ranges(text, names: names, option: "region", prefix: Arguments.prefix(command))
        // One weight: a loss curve, whose vertical range is unused.
        return ViewRegion(horizontal: ranges[0], vertical: ranges.count > 1 ? ranges[1] : Scenario.defaultExpressionRange)
    }
}
