// libFuzzer harness for the loss-expression language: any bytes, read as
// UTF-8 text, must compile or fail with an `ExpressionError`, never trap or
// hang; a loss that compiles must evaluate, differentiate, open as a
// scenario, take steps and sample a small surface without trapping.
// Differential checks: the grid path gives bit for bit the loss at each
// point (as documented), and the tape's loss and gradient agree with the
// direct loss and with the objective's own evaluation.
// Built by scripts/fuzz/build.sh, never by `swift build`.
import DescentCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // Explicit weight names are a second way in (scenario files use it).
    for names in [nil, ["a", "b"], ["w"]] as [[String]?] {
        let objective: ExpressionObjective
        do {
            objective = try ExpressionObjective(text, weightNames: names)
        } catch {
            _ = error.description
            continue
        }
        exercise(objective)
    }
    return 0
}

private func exercise(_ objective: ExpressionObjective) {
    let dimension = objective.dimension
    for point in [[0.5, -1.5], [0, 0], [1e300, -1e-300], [.nan, .infinity]] {
        let weights = Array(point.prefix(dimension))
        let direct = objective.loss(at: weights)
        let evaluation = objective.evaluate(at: weights)
        var tape = Tape()
        let recorded = objective.record(at: weights, on: &tape)
        let gradient = tape.gradient(of: recorded.loss, withRespectTo: recorded.weights)
        check(direct, tape.value(of: recorded.loss), "direct and tape loss", objective, weights)
        check(direct, evaluation.loss, "direct and evaluated loss", objective, weights)
        for (index, partial) in gradient.enumerated() {
            check(partial, evaluation.gradient[index], "tape and evaluated gradient \(index)", objective, weights)
        }
    }
    _ = objective.expression.singleLineText
    let scenario = Scenario.expression(objective, start: nil, region: nil)
    var run = scenario.makeRun()
    run.step(count: 20)
    let grid = SurfaceGrid.sample(objective, on: scenario.plane, over: scenario.region, columns: 7, rows: 5,
                                  parallelism: 1)
    let (us, vs) = SurfaceGrid.centres(columns: 7, rows: 5, region: scenario.region)
    for (row, v) in vs.enumerated() {
        for (column, u) in us.enumerated() {
            let weights = scenario.plane.weights(at: PlanePoint(u: u, v: v))
            let expected = objective.loss(at: weights)
            let value = grid[column, row]
            if !(value == expected || (value.isNaN && expected.isNaN)) {
                fatalError("grid \(value) != loss(at:) \(expected) at \(weights) for \(objective.source.debugDescription)")
            }
        }
    }
}

/// Two computations of one number agree: equal, both NaN, or within 1e-9
/// of the larger when both are finite and not astronomically large.
private func check(_ a: Double, _ b: Double, _ what: String, _ objective: ExpressionObjective, _ weights: [Double]) {
    if a == b || (a.isNaN && b.isNaN) { return }
    if a.isFinite && b.isFinite && max(a.magnitude, b.magnitude) < 1e100
        && (a - b).magnitude <= 1e-9 * max(1, a.magnitude, b.magnitude) { return }
    fatalError("\(what) differ: \(a) vs \(b) at \(weights) for \(objective.source.debugDescription)")
}
