import DescentCore
import DescentUI

/// `descent run`: trains headless and prints every step, or, with
/// `--restarts R`, runs R random restarts and tallies the minima they reach.
///
/// Output (a contract: scripts and tests parse it):
/// - json: JSON Lines. Row 0 is the start, row k the state after k steps:
///   `{"step", "epoch", "weights": {name: value}, "loss", "batchLoss",
///   "gradient": {name: value}, "gradientNorm", "learningRate"}` (loss and
///   gradient at those weights; the gradient is the batch gradient the next
///   step uses, before clipping; the learning rate is the scheduled rate the
///   next step uses). Then one line `{"summary": {"status", "steps", "epoch",
///   "weights", "loss", "gradientNorm", "convergedAt", "divergedAt",
///   "optimizer", "schedule", "batch", "seed"}}`.
/// - csv: a header and one row per step with the same columns (weights and
///   gradient flattened to `weights.NAME`, `gradient.NAME`); no summary row.
///   A diverged run also writes one line to stderr saying where it stopped.
/// - table: aligned columns for people, then a summary sentence.
/// `--steps N` runs exactly N steps; a converged run keeps stepping; a
/// diverged run stops at the step where it diverged (and says so). Exit 0.
enum RunCommand {
    static let options = TrainingOptions.names.union(["restarts", "tolerance"])

    static func run(_ words: [String]) throws(UsageError) -> Int32 {
        let arguments = try Arguments(words, options: options, flags: [], command: "run")
        let options = try TrainingOptions(arguments, command: "run", defaultSteps: 100)
        // Given, it must ask for at least one restart: --restarts 0 is a mistake, not a plain run.
        let restarts = arguments.value("restarts") == nil ? 0
            : try arguments.integer("restarts", default: 0, in: 1...1_000_000, command: "run")
        var tolerance = 0.01
        if let text = arguments.value("tolerance") {
            guard restarts > 0 else { throw UsageError("run: --tolerance applies only with --restarts") }
            tolerance = try TrainingOptions.number(text, option: "tolerance", prefix: "run: ",
                                                   allowed: "≥ 0 (a distance in weight space)") { $0 >= 0 }
        }
        if restarts > 0 {
            RestartsOutput.write(options: options, restarts: restarts, tolerance: tolerance)
        } else {
            single(options)
        }
        return 0
    }

    private static func single(_ options: TrainingOptions) {
        let scenario = options.scenario
        let formatter = RecordFormatter(names: scenario.objective.parameterNames)
        var output = BufferedOutput()
        var run = scenario.makeRun()
        func emit(_ record: StepRecord) {
            switch options.format {
            case .json: output.line(formatter.json(record))
            case .csv: output.line(formatter.csv(record))
            case .table: output.line(formatter.table(record))
            }
        }
        switch options.format {
        case .csv: output.line(formatter.csvHeader)
        case .table: output.line(formatter.tableHeader)
        case .json: break
        }
        emit(run.current)
        while run.stepCount < options.steps && !run.status.hasDiverged {
            run.step()
            emit(run.current)
        }
        switch options.format {
        case .json: output.line(summaryJSON(run, options: options))
        case .table: output.line(summarySentence(run, requested: options.steps))
        case .csv:
            output.flush()
            if case .diverged(let step) = run.status {
                StandardStreams.error("descent run: diverged at step \(step) of \(options.steps) (\(causeText(run))); stopped there\n")
            }
        }
        output.flush()
    }

    static func summaryJSON(_ run: TrainingRun, options: TrainingOptions) -> String {
        let names = run.objective.parameterNames
        var converged: Int?, diverged: Int?
        switch run.status {
        case .converged(let step): converged = step
        case .diverged(let step): diverged = step
        case .running: break
        }
        let settings = run.settings
        return "{\"summary\": {\"status\": \(JSONText.string(run.status.name)), \"steps\": \(run.stepCount), "
            + "\"epoch\": \(run.epoch), \"weights\": \(JSONText.object(names, run.weights)), "
            + "\"loss\": \(JSONText.number(run.current.loss)), \"gradientNorm\": \(JSONText.number(run.current.gradientNorm)), "
            + "\"convergedAt\": \(JSONText.integer(converged)), \"divergedAt\": \(JSONText.integer(diverged)), "
            + "\"optimizer\": \(JSONText.string(settings.optimizer.rawValue)), "
            + "\"schedule\": \(JSONText.string(settings.schedule.description)), "
            + "\"batch\": \(JSONText.string(settings.batchSize.description)), \"seed\": \(settings.seed)}}"
    }

    static func summarySentence(_ run: TrainingRun, requested: Int) -> String {
        let names = run.objective.parameterNames
        let weights = zip(names, run.weights).map { "\($0) \(RecordFormatter.short($1))" }.joined(separator: ", ")
        let ending = "loss \(RecordFormatter.short(run.current.loss)) at \(weights)"
        switch run.status {
        case .running:
            return "running after \(Format.counted(run.stepCount, "step")): \(ending)"
        case .converged(let step):
            return "converged at step \(step); after \(Format.counted(run.stepCount, "step")): \(ending)"
        case .diverged(let step):
            return "diverged at step \(step) of \(requested) (\(causeText(run))); stopped there: \(ending)"
        }
    }

    /// "the loss exploded", "the loss has no gradient there", …
    static func causeText(_ run: TrainingRun) -> String {
        run.divergenceCause?.explanation ?? DivergenceCause.lossExploded.explanation
    }
}
