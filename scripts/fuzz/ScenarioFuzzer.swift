// libFuzzer harness for scenario files: any bytes, as the text of a scenario
// file, must load or fail with a `ScenarioError` (file, line:column, JSON
// path), never trap or hang; a scenario that loads must make its runs, step,
// track its goal, restart and sample a small surface without trapping.
// A CSV path in the file reads the text after the first NUL byte of the
// input, so the fuzzer can shape the data file as well. Differential
// checks: the model's fast paths (grid losses, the evaluation workspace,
// the vectorised networks) agree with its plain loss and gradient.
// Built by scripts/fuzz/build.sh.
import DescentCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let split = bytes.firstIndex(of: 0) ?? size
    let text = String(decoding: bytes[..<split], as: UTF8.self)
    let csv = split < size ? String(decoding: bytes[(split + 1)...], as: UTF8.self) : "x,y\n1,2\n3,4\n"
    do {
        _ = try JSONParser.parse(text)
    } catch {
        _ = error.description
    }
    let scenario: Scenario
    do {
        scenario = try ScenarioLoader.load(text, file: "fuzz/scenario.json", readFile: { _ in csv })
    } catch {
        _ = error.description
        return 0
    }
    var runs = scenario.makeRuns()
    var tracker = scenario.goal.map { GoalTracker($0) }
    for index in runs.indices {
        runs[index].step(count: 3)
        _ = tracker?.update(with: runs[index])
    }
    var restarts = RandomRestarts(scenario: scenario, seed: 1)
    _ = restarts.restart(after: runs[0])
    let objective = scenario.objective
    let grid = SurfaceGrid.sample(objective, on: scenario.plane, over: scenario.region, columns: 4, rows: 3,
                                  parallelism: 1)
    let (us, vs) = SurfaceGrid.centres(columns: 4, rows: 3, region: scenario.region)
    for (row, v) in vs.enumerated() {
        for (column, u) in us.enumerated() {
            let weights = scenario.plane.weights(at: PlanePoint(u: u, v: v))
            check(grid[column, row], objective.loss(at: weights), "grid and point loss", at: weights)
        }
    }
    let evaluation = objective.evaluate(at: scenario.start)
    check(evaluation.loss, objective.loss(at: scenario.start), "evaluated and plain loss", at: scenario.start)
    var workspace = EvaluationWorkspace()
    objective.evaluate(at: scenario.start, batch: .full, into: &workspace)
    check(workspace.loss, evaluation.loss, "workspace and evaluated loss", at: scenario.start)
    for (index, partial) in evaluation.gradient.enumerated() {
        check(workspace.gradient[index], partial, "workspace and evaluated gradient \(index)", at: scenario.start)
    }
    return 0
}

/// Two computations of one number agree: equal, both NaN, or within 1e-7
/// of the larger when both are finite and not astronomically large (the
/// vectorised paths use a tanh within 3 ulp of glibc's).
private func check(_ a: Double, _ b: Double, _ what: String, at weights: [Double]) {
    if a == b || (a.isNaN && b.isNaN) { return }
    if !(a.isFinite && b.isFinite) || max(a.magnitude, b.magnitude) > 1e100 { return }
    if (a - b).magnitude <= 1e-7 * max(1, a.magnitude, b.magnitude) { return }
    fatalError("\(what) differ: \(a) vs \(b) at \(weights.prefix(8))")
}
