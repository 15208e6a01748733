import DescentCore

/// The options `descent run` and `descent sweep` share: what to train
/// (a scenario, optionally from another start) and how (optimizer,
/// hyperparameters, schedule, clipping, batch, seed), parsed and checked.
///
/// Hyperparameters follow torch.optim's names and defaults. Without
/// `--optimizer` the scenario's own optimizer and hyperparameters are used;
/// with an `--optimizer` other than the scenario's, torch's defaults for it
/// (Adam: lr 0.001; momentum and Nesterov: momentum 0.9). Explicit flags
/// override either. A hyperparameter the chosen optimizer does not have is
/// an error, as a wrong keyword is in torch.
struct TrainingOptions {
    /// The scenario, its start and training settings replaced by the options.
    var scenario: Scenario
    /// The training settings the options chose (also `scenario.training`).
    var settings: TrainingSettings
    var steps: Int
    var format: OutputFormat

    /// The options both commands accept (besides their own), with the
    /// surface options (`--expression`, `--function`, `--region`).
    static let names: Set<String> = Set([
        "start", "steps", "optimizer", "lr", "momentum", "alpha", "beta1", "beta2", "eps",
        "schedule", "clip", "batch", "seed", "format",
    ]).union(SurfaceOptions.names)

    enum OutputFormat: String, CaseIterable {
        case table, csv, json
    }

    /// Parses the shared options of `command`; `learningRate` false when the
    /// command reads `--lr` itself (a sweep's range).
    init(_ arguments: Arguments, command: String, defaultSteps: Int, learningRate: Bool = true,
         formats: [OutputFormat] = OutputFormat.allCases) throws(UsageError) {
        let prefix = command + ": "
        guard arguments.positionals.count <= 1 else {
            throw UsageError(prefix + "expected at most one scenario, got \(arguments.positionals.joined(separator: " "))")
        }
        if let surface = try SurfaceOptions.scenario(from: arguments, command: command, startsNamedScenarios: true) {
            scenario = surface
        } else {
            scenario = try ScenarioLookup.scenario(named: arguments.positionals.first)
        }
        if let text = arguments.value("start") {
            scenario.start = try WeightValues.values(text, names: scenario.objective.parameterNames, option: "start", prefix: prefix)
        }
        steps = try arguments.integer("steps", default: defaultSteps, in: 0...100_000_000, command: command)
        format = try Self.choice(arguments.value("format") ?? formats[0].rawValue, among: formats, option: "format",
                                 prefix: prefix)

        settings = scenario.training
        if let name = arguments.value("optimizer") {
            let kind = try Self.choice(name, among: OptimizerKind.allCases, option: "optimizer", prefix: prefix)
            if kind != settings.optimizer {
                settings.optimizer = kind
                settings.hyperparameters = .defaults(for: kind)
            }
        }
        let kind = settings.optimizer
        var hyperparameters = settings.hyperparameters
        if learningRate, let text = arguments.value("lr") {
            hyperparameters.learningRate = try Self.number(text, option: "lr", prefix: prefix, allowed: "> 0") { $0 > 0 }
        }
        func check(_ option: String, appliesTo kinds: [OptimizerKind]) throws(UsageError) {
            guard arguments.value(option) != nil, !kinds.contains(kind) else { return }
            let owners = kinds.map(\.rawValue).joined(separator: ", ")
            throw UsageError(prefix + "--\(option) is a hyperparameter of \(owners), not of \(kind.rawValue)")
        }
        try check("momentum", appliesTo: [.sgd, .momentum, .nesterov, .rmsprop])
        try check("alpha", appliesTo: [.rmsprop])
        try check("beta1", appliesTo: [.adam])
        try check("beta2", appliesTo: [.adam])
        try check("eps", appliesTo: [.adagrad, .rmsprop, .adam])
        let unitInterval = "from 0 up to but not including 1"
        if let text = arguments.value("momentum") {
            hyperparameters.momentum = try Self.number(text, option: "momentum", prefix: prefix, allowed: unitInterval) { 0 <= $0 && $0 < 1 }
        }
        if let text = arguments.value("alpha") {
            hyperparameters.alpha = try Self.number(text, option: "alpha", prefix: prefix, allowed: unitInterval) { 0 <= $0 && $0 < 1 }
        }
        if let text = arguments.value("beta1") {
            hyperparameters.beta1 = try Self.number(text, option: "beta1", prefix: prefix, allowed: unitInterval) { 0 <= $0 && $0 < 1 }
        }
        if let text = arguments.value("beta2") {
            hyperparameters.beta2 = try Self.number(text, option: "beta2", prefix: prefix, allowed: unitInterval) { 0 <= $0 && $0 < 1 }
        }
        if let text = arguments.value("eps") {
            hyperparameters.epsilon = try Self.number(text, option: "eps", prefix: prefix, allowed: "> 0") { $0 > 0 }
        }
        if kind == .nesterov && hyperparameters.momentum == 0 {
            throw UsageError(prefix + "nesterov needs a momentum above 0 (as torch requires); got --momentum 0")
        }
        settings.hyperparameters = hyperparameters

        if let text = arguments.value("schedule") {
            settings.schedule = try Self.schedule(text, prefix: prefix)
        }
        if let text = arguments.value("clip") {
            settings.gradientClipping = try Self.number(text, option: "clip", prefix: prefix, allowed: "> 0 (the largest gradient norm)") { $0 > 0 }
        }
        if let text = arguments.value("batch") {
            settings.batchSize = try Self.batchSize(text, sampleCount: scenario.objective.sampleCount,
                                                    scenario: scenario.name, prefix: prefix)
        }
        if let text = arguments.value("seed") {
            guard let seed = UInt64(text) else {
                throw UsageError(prefix + "--seed must be a whole number from 0 to \(UInt64.max), got '\(text)'")
            }
            settings.seed = seed
        }
        scenario.training = settings
    }

    /// A finite number satisfying `isAllowed`.
    static func number(_ text: String, option: String, prefix: String, allowed: String,
                       _ isAllowed: (Double) -> Bool) throws(UsageError) -> Double {
        guard let value = Double(text), value.isFinite, isAllowed(value) else {
            throw UsageError(prefix + "--\(option) must be a number \(allowed), got '\(text)'")
        }
        return value
    }

    /// One of `cases` by its raw value, with a did-you-mean for a typo.
    static func choice<Choice: RawRepresentable>(_ text: String, among cases: [Choice], option: String,
                                                 prefix: String) throws(UsageError) -> Choice where Choice.RawValue == String {
        if let match = cases.first(where: { $0.rawValue == text.lowercased() }) { return match }
        let names = cases.map(\.rawValue)
        let hint = DidYouMean.suggestion(for: text, among: names).map { " (did you mean '\($0)'?)" } ?? ""
        throw UsageError(prefix + "unknown --\(option) '\(text)'\(hint); choose one of \(names.joined(separator: ", "))")
    }

    /// `full`, or a whole number of samples ≥ 1 for a model with data.
    static func batchSize(_ text: String, sampleCount: Int, scenario: String, prefix: String) throws(UsageError) -> BatchSize {
        if text.lowercased() == "full" { return .full }
        guard let size = Int(text), size >= 1 else {
            throw UsageError(prefix + "--batch must be 'full' or a whole number of samples ≥ 1, got '\(text)'")
        }
        guard sampleCount > 0 else {
            throw UsageError(prefix + "--batch \(size): '\(scenario)' is an analytic surface with no data samples; only --batch full applies")
        }
        // Larger than the data set is allowed (as in torch's DataLoader): each batch is then every sample.
        return .minibatch(size)
    }

    /// The schedule notation (`LearningRateSchedule(notation:)`, shared with the explorer's `:schedule`).
    static func schedule(_ text: String, prefix: String) throws(UsageError) -> LearningRateSchedule {
        do {
            return try LearningRateSchedule(notation: text)
        } catch {
            // "unknown schedule 'x'" reads as "unknown --schedule 'x'" on the command line.
            let message = error.description.hasPrefix("unknown schedule")
                ? "unknown --schedule" + error.description.dropFirst("unknown schedule".count)
                : "--schedule " + error.description
            throw UsageError(prefix + message)
        }
    }
}

extension Substring {
    /// Without leading and trailing spaces.
    var trimmed: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
