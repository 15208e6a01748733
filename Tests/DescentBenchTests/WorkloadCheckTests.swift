import DescentBench
import DescentCore
import Testing
import TestSupport

@Suite struct `Bench workloads at reduced sizes` {
    @Test func `W5 at K = 1000 matches the spec's figures`() throws {
        var tape = Tape()
        let result = GraphBackpropagation.evaluate(k: 1_000, on: &tape)
        // WORKLOADS.md / peers' results: f -0.036226957, dfdx0 0.15593091, dfdx1 0.37978242.
        #expect(isClose(result.f, -0.036226956537061809, tolerance: 1e-12), "f = \(result.f)")
        #expect(isClose(result.dfdx0, 0.15593090782871366, tolerance: 1e-12), "dfdx0 = \(result.dfdx0)")
        #expect(isClose(result.dfdx1, 0.37978241544730762, tolerance: 1e-12), "dfdx1 = \(result.dfdx1)")
        #expect(tape.edgeCount == 5 * (1_000 - 2))
    }

    @Test func `W5 reuses its tape and gives the same bits on a second run`() {
        var tape = Tape()
        let first = GraphBackpropagation.evaluate(k: 500, on: &tape)
        _ = GraphBackpropagation.evaluate(k: 2_000, on: &tape)
        let again = GraphBackpropagation.evaluate(k: 500, on: &tape)
        #expect(first.f == again.f && first.dfdx0 == again.dfdx0 && first.dfdx1 == again.dfdx1)
    }

    @Test func `W1 converges to the closed-form least-squares line`() throws {
        let model = LinearRegression(data: BenchData.linearRegression)
        let weights = LinearRegressionSteps.train(model, steps: 1_000)
        let exact = try #require(model.closedFormSolution)
        #expect(isClose(weights[0], exact[0], tolerance: 1e-12), "w = \(weights[0]), exact \(exact[0])")
        #expect(isClose(weights[1], exact[1], tolerance: 1e-12), "b = \(weights[1]), exact \(exact[1])")
    }

    @Test func `W3 quick grid agrees with one loss evaluation per cell`() {
        let lines = LinearRegressionSurface().run(BenchSettings(isQuick: true))
        #expect(lines.count == 1)
        #expect(lines.flatMap(\.problems).isEmpty, "\(lines.flatMap(\.problems))")
    }

    @Test func `W2 quick steps on the vectorised tape agree with the scalar tape's`() {
        let lines = MultilayerPerceptronSteps().run(BenchSettings(isQuick: true))
        #expect(lines.count == 1 && lines[0].workload == "W2")
        #expect(lines.flatMap(\.problems).isEmpty, "\(lines.flatMap(\.problems))")
    }

    @Test func `W4 quick grid agrees with one loss evaluation per cell`() {
        let lines = MultilayerPerceptronSurface().run(BenchSettings(isQuick: true))
        #expect(lines.count == 1 && lines[0].workload == "W4")
        #expect(lines.flatMap(\.problems).isEmpty, "\(lines.flatMap(\.problems))")
    }

    @Test func `U2 quick grid of the tiny-mlp preset agrees with one scalar loss per cell`() {
        let lines = RandomPlaneSurface().run(BenchSettings(isQuick: true))
        #expect(lines.count == 1 && lines[0].workload == "U2")
        #expect(lines.flatMap(\.problems).isEmpty, "\(lines.flatMap(\.problems))")
    }

    @Test func `the grid minimum is the first in the spec's row-major order`() {
        // values[j * columns + i]; two equal minima at (i 1, j 0) and (i 0, j 1):
        // i is the outer index, so (0, 1) comes first.
        let minimum = GridMinimum(values: [5, 1, 1, 7], columns: 2, rows: 2)
        #expect(minimum == GridMinimum(minimum: 1, i: 0, j: 1))
    }

    @Test func `a wrong check value is reported with its workload and key`() {
        let line = BenchLine(workload: "W5", k: 1000, unit: "edge", n: 4990, nanosecondsPerUnit: 6.3, checks: [
            Check("f", -0.5, expected: -0.036226957, tolerance: 1e-9),
        ])
        #expect(line.problems.count == 1)
        #expect(line.problems.first?.hasPrefix("W5 K=1000 f: got -0.5") == true, "\(line.problems)")
    }

    @Test func `a line prints as the spec's JSON`() {
        let line = BenchLine(workload: "W3", unit: "grid", n: 1, nanosecondsPerUnit: 657_724.724, checks: [
            Check("min", 0.125, expected: 0.125, tolerance: 1e-9),
            Check("cell", .cell(204, 51), .exactly(.cell(204, 51))),
        ])
        #expect(line.json == #"{"workload":"W3","impl":"descent","unit":"grid","n":1,"ns_per_unit":657700.0,"check":{"min":0.125,"cell":[204,51]}}"#)
        #expect(line.problems.isEmpty)
    }
}
