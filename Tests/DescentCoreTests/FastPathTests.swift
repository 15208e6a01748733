import DescentCore
import Glibc
import Testing
import TestSupport

@Suite struct `Fast paths agree with the scalar reference` {
    static let line: LinearRegression = {
        let xs: [Double] = (0..<37).map { -2 + 4 * Double($0) / 36 }
        return LinearRegression(data: Dataset(featureCount: 1, features: xs, targets: xs.map { 3 * $0 - 1 + 0.5 * Glibc.sin(7 * $0) }))
    }()

    @Test func `linear regression's fused gradient matches the scalar tape and finite differences`() {
        let model = Self.line
        for point in seededPoints(count: 6, dimension: 2, in: -4...4, seed: 21) {
            var fast = EvaluationWorkspace(), reference = EvaluationWorkspace()
            model.evaluate(at: point, batch: .full, into: &fast)
            model.evaluateOnScalarTape(at: point, batch: .full, into: &reference)
            #expect(isClose(fast.loss, reference.loss, tolerance: 1e-13), "loss at \(point)")
            #expect(GradientCheck.relativeDifference(fast.gradient, reference.gradient) < 1e-13,
                    "at \(point): fused \(fast.gradient), scalar \(reference.gradient)")
            let estimate = centralDifferences(of: { model.loss(at: $0) }, at: point)
            #expect(GradientCheck.relativeDifference(fast.gradient, estimate) < 1e-7, "at \(point): \(estimate)")
        }
    }

    @Test func `linear regression's grid rows match one loss per point, on any plane`() {
        let model = Self.line
        let planes = [
            SurfacePlane.identity(names: model.parameterNames),
            SurfacePlane(origin: [0.5, -1], first: [0.8, 0.6], second: [-0.6, 0.8], axisNames: ("d1", "d2")),
        ]
        let us = (0..<19).map { -3 + 0.31 * Double($0) }, vs = (0..<5).map { -2 + 0.9 * Double($0) }
        for plane in planes {
            let fast = model.losses(on: plane, us: us, vs: vs, batch: .full)
            let reference = model.lossesPointByPoint(on: plane, us: us, vs: vs, batch: .full)
            #expect(fast.count == reference.count)
            for (index, (a, b)) in zip(fast, reference).enumerated() {
                #expect(isClose(a, b, tolerance: 1e-13), "cell \(index) on \(plane.axisNames): \(a) vs \(b)")
            }
        }
    }

    @Test func `a mini-batch or cross-entropy takes the scalar path`() {
        let model = Self.line
        var workspace = EvaluationWorkspace()
        model.evaluate(at: [1, 2], batch: .samples([0, 3, 5]), into: &workspace)
        #expect(workspace.tape.count > 0, "the scalar tape recorded the mini-batch")
        #expect(isClose(workspace.loss, model.loss(at: [1, 2], batch: .samples([0, 3, 5]))))
    }
}
