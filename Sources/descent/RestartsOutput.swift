import DescentCore
import DescentUI

/// `descent run --restarts R`: R runs of `--steps` steps from starts drawn
/// uniformly (seeded by `--seed`) over the scenario's view region; each
/// restart's batch order has its own seed derived from `--seed`. A restart
/// "reached" a known minimum when it ended within `--tolerance` (default
/// 0.01, Euclidean distance in weight space) of it.
///
/// Output (a contract):
/// - json: one line per restart, `{"restart": i, "seed", "start": {…},
///   "end": {…}, "loss", "steps", "status", "minimum": LABEL or null,
///   "global": true|false}`, then `{"summary": {"restarts", "steps",
///   "tolerance", "seed", "global", "none" (diverged ones included),
///   "diverged", "minima": [{"label",
///   "point": {…}, "loss", "global", "count"}], "best": {"restart", "loss",
///   "end": {…}} or null}}`.
/// - csv: a header and one row per restart with the same fields flattened
///   (`start.NAME`, `end.NAME`); no tally row.
/// - table: a row per restart, then the tally in words.
enum RestartsOutput {
    static func write(options: TrainingOptions, restarts count: Int, tolerance: Double) {
        let scenario = options.scenario
        let names = scenario.objective.parameterNames
        var restarts = RandomRestarts(scenario: scenario, seed: options.settings.seed, tolerance: tolerance)
        var output = BufferedOutput()
        switch options.format {
        case .csv:
            output.line((["restart", "seed"] + names.map { "start.\($0)" } + names.map { "end.\($0)" }
                + ["loss", "steps", "status", "minimum", "global"]).map(CSVText.cell).joined(separator: ","))
        case .table:
            output.line(tableRow(["restart", "start", "end", "loss", "steps", "status", "minimum"]))
        case .json:
            break
        }
        let report = restarts.runBatch(restarts: count, steps: options.steps, objective: scenario.objective,
                                       settings: options.settings) { outcome in
            let minimum = outcome.minimumIndex.map { label(of: scenario.minima[$0], names: names) }
            switch options.format {
            case .json:
                output.line("{\"restart\": \(outcome.index), \"seed\": \(outcome.seed), "
                    + "\"start\": \(JSONText.object(names, outcome.start)), "
                    + "\"end\": \(JSONText.object(names, outcome.end)), \"loss\": \(JSONText.number(outcome.finalLoss)), "
                    + "\"steps\": \(outcome.steps), \"status\": \(JSONText.string(outcome.status.name)), "
                    + "\"minimum\": \(minimum.map(JSONText.string) ?? "null"), \"global\": \(outcome.reachedGlobalMinimum)}")
            case .csv:
                output.line((["\(outcome.index)", "\(outcome.seed)"] + outcome.start.map(CSVText.cell)
                    + outcome.end.map(CSVText.cell)
                    + [CSVText.cell(outcome.finalLoss), "\(outcome.steps)", outcome.status.name,
                       CSVText.cell(minimum ?? ""), "\(outcome.reachedGlobalMinimum)"]).joined(separator: ","))
            case .table:
                output.line(tableRow(["\(outcome.index)", point(outcome.start), point(outcome.end),
                                      RecordFormatter.short(outcome.finalLoss), "\(outcome.steps)", outcome.status.name,
                                      minimum ?? "none"]))
            }
        }
        switch options.format {
        case .json: output.line(summaryJSON(report, scenario: scenario, options: options, restarts: count))
        case .table: tally(report, scenario: scenario, restarts: count).forEach { output.line($0) }
        case .csv: break
        }
        output.flush()
    }

    /// The minimum's label, or its coordinates when it has none.
    static func label(of minimum: KnownMinimum, names: [String]) -> String {
        minimum.label ?? point(minimum.point)
    }

    static func point(_ weights: [Double]) -> String {
        "(" + weights.map { RecordFormatter.short($0) }.joined(separator: ", ") + ")"
    }

    private static let widths = [8, 26, 26, 13, 8, 10, 0]

    private static func tableRow(_ cells: [String]) -> String {
        var line = ""
        for (cell, width) in zip(cells, widths) {
            line += (line.isEmpty ? "" : " ") + (width == 0 ? cell : String(repeating: " ", count: max(0, width - cell.count)) + cell)
        }
        return line
    }

    private static func summaryJSON(_ report: RestartReport, scenario: Scenario, options: TrainingOptions,
                                    restarts: Int) -> String {
        let names = scenario.objective.parameterNames
        let minima = zip(scenario.minima, report.countsByMinimum).map { minimum, count in
            "{\"label\": \(JSONText.string(label(of: minimum, names: names))), "
                + "\"point\": \(JSONText.object(names, minimum.point)), \"loss\": \(JSONText.number(minimum.loss)), "
                + "\"global\": \(minimum.isGlobal), \"count\": \(count)}"
        }
        let best = report.best.map {
            "{\"restart\": \($0.index), \"loss\": \(JSONText.number($0.finalLoss)), \"end\": \(JSONText.object(names, $0.end))}"
        } ?? "null"
        return "{\"summary\": {\"restarts\": \(restarts), \"steps\": \(options.steps), "
            + "\"tolerance\": \(JSONText.number(report.tolerance)), \"seed\": \(options.settings.seed), "
            + "\"global\": \(report.globalCount), \"none\": \(report.unmatchedCount), \"diverged\": \(report.divergedCount), "
            + "\"minima\": [\(minima.joined(separator: ", "))], \"best\": \(best)}}"
    }

    private static func tally(_ report: RestartReport, scenario: Scenario, restarts: Int) -> [String] {
        let names = scenario.objective.parameterNames
        var lines = [""]
        if scenario.minima.isEmpty {
            lines.append("no minimum of this scenario is known, so none can be counted as reached")
        } else {
            lines.append("\(report.globalCount) of \(restarts) restarts reached a global minimum "
                + "(within \(RecordFormatter.short(report.tolerance))); \(report.strandedCount) reached no known minimum; "
                + "\(report.divergedCount) diverged")
            // Rastrigin knows 121 minima: a line each would bury the few that were reached.
            let listsAll = scenario.minima.count <= 12
            var unreached = 0
            for (minimum, count) in zip(scenario.minima, report.countsByMinimum) {
                guard listsAll || minimum.isGlobal || count > 0 else {
                    unreached += 1
                    continue
                }
                lines.append("  \(label(of: minimum, names: names))\(minimum.isGlobal ? " (global)" : ""): \(count)")
            }
            if unreached > 0 { lines.append("  \(Format.counted(unreached, "other known minimum", plural: "other known minima")): 0") }
        }
        if let best = report.best {
            lines.append("best: restart \(best.index), loss \(RecordFormatter.short(best.finalLoss)) at \(point(best.end))")
        }
        return lines
    }
}
