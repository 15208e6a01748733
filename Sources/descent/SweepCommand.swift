#if canImport(Glibc)
import Glibc
#endif
import DescentCore
import DescentUI

/// `descent sweep`: the final loss after `--steps` steps for each of
/// `--points` learning rates spaced evenly in log scale over `--lr LOW:HIGH`
/// (both ends included): too small barely moves, just right gets low, too
/// large oscillates or diverges. Every other option is `descent run`'s.
///
/// Output (a contract):
/// - json: one line per rate, `{"learningRate", "loss", "status", "steps",
///   "convergedAt", "divergedAt"}` (loss null when not finite), then
///   `{"summary": {"points", "steps", "best": {"learningRate", "loss"} or null,
///   "diverged"}}`.
/// - csv: a header and one row per rate with the same columns.
/// - table: one row per rate with a bar of the final loss (log scale), then
///   the best rate.
enum SweepCommand {
    static let options = TrainingOptions.names.union(["points"])

    struct Point {
        let learningRate: Double
        let run: TrainingRun
    }

    static func run(_ words: [String]) throws(UsageError) -> Int32 {
        let arguments = try Arguments(words, options: options, flags: [], command: "sweep")
        let options = try TrainingOptions(arguments, command: "sweep", defaultSteps: 100, learningRate: false)
        let range = try rates(arguments.value("lr") ?? "1e-4:10")
        let count = try arguments.integer("points", default: 30, in: 1...10_000, command: "sweep")
        var output = BufferedOutput()
        switch options.format {
        case .csv: output.line("learningRate,loss,status,steps,convergedAt,divergedAt")
        case .table: output.line(Format.padded("learning rate", to: 14) + "  " + Format.padded("final loss", to: 13) + "  status")
        case .json: break
        }
        var scenario = options.scenario
        scenario.training = options.settings
        let points = LearningRateSweep.runs(of: scenario, rates: LearningRateSweep.rates(range, count: count),
                                            steps: options.steps).map { Point(learningRate: $0.learningRate, run: $0.run) }
        let finite = points.map(\.run.current.loss).filter { $0.isFinite && $0 > 0 }
        let best = points.filter { !$0.run.status.hasDiverged && $0.run.current.loss.isFinite }
            .min { $0.run.current.loss < $1.run.current.loss }
        for point in points {
            switch options.format {
            case .json: output.line(json(point))
            case .csv: output.line(csv(point))
            case .table: output.line(table(point, losses: finite))
            }
        }
        switch options.format {
        case .json:
            let bestText = best.map {
                "{\"learningRate\": \(JSONText.number($0.learningRate)), \"loss\": \(JSONText.number($0.run.current.loss))}"
            } ?? "null"
            let diverged = points.count { $0.run.status.hasDiverged }
            output.line("{\"summary\": {\"points\": \(count), \"steps\": \(options.steps), \"best\": \(bestText), "
                + "\"diverged\": \(diverged)}}")
        case .table:
            output.line(best.map {
                "\nlowest final loss \(RecordFormatter.short($0.run.current.loss)) at learning rate \(RecordFormatter.short($0.learningRate))"
            } ?? "\nevery rate diverged")
        case .csv:
            break
        }
        output.flush()
        return 0
    }

    /// `LOW:HIGH`, both > 0 and LOW ≤ HIGH.
    static func rates(_ text: String) throws(UsageError) -> ClosedRange<Double> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let low = Double(parts[0]), let high = Double(parts[1]),
              low.isFinite, high.isFinite, low > 0, high > 0 else {
            throw UsageError("sweep: --lr must be LOW:HIGH with two numbers > 0, like 1e-4:10; got '\(text)'")
        }
        guard low <= high else {
            throw UsageError("sweep: --lr \(text): the low end must not exceed the high end")
        }
        return low...high
    }

    private static func ends(_ run: TrainingRun) -> (converged: Int?, diverged: Int?) {
        switch run.status {
        case .converged(let step): (step, nil)
        case .diverged(let step): (nil, step)
        case .running: (nil, nil)
        }
    }

    private static func json(_ point: Point) -> String {
        let (converged, diverged) = ends(point.run)
        return "{\"learningRate\": \(JSONText.number(point.learningRate)), \"loss\": \(JSONText.number(point.run.current.loss)), "
            + "\"status\": \(JSONText.string(point.run.status.name)), \"steps\": \(point.run.stepCount), "
            + "\"convergedAt\": \(JSONText.integer(converged)), \"divergedAt\": \(JSONText.integer(diverged))}"
    }

    private static func csv(_ point: Point) -> String {
        let (converged, diverged) = ends(point.run)
        return [CSVText.cell(point.learningRate), CSVText.cell(point.run.current.loss), point.run.status.name,
                "\(point.run.stepCount)", converged.map(String.init) ?? "", diverged.map(String.init) ?? ""]
            .joined(separator: ",")
    }

    /// The rate, the loss, and a bar whose length grows with log(loss)
    /// between the smallest and largest finite positive losses of the sweep.
    private static func table(_ point: Point, losses: [Double]) -> String {
        let loss = point.run.current.loss
        var bar = ""
        if let low = losses.min(), let high = losses.max(), loss.isFinite, loss > 0 {
            let span = log10(high) - log10(low)
            let fraction = span > 0 ? (log10(loss) - log10(low)) / span : 0
            bar = String(repeating: "█", count: 1 + Int((fraction * 39).rounded()))
        }
        let status: String = switch point.run.status {
        case .running: "running   "
        case .converged(let step): "converged at step \(step)"
        case .diverged(let step): "diverged at step \(step)"
        }
        let statusCell = status.count < 24 ? status + String(repeating: " ", count: 24 - status.count) : status
        return Format.padded(RecordFormatter.short(point.learningRate), to: 14) + "  "
            + Format.padded(RecordFormatter.short(loss), to: 13) + "  " + statusCell + "  " + bar
    }
}
