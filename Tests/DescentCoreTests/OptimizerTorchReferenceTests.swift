import DescentCore
import Testing
import TestSupport

// Every optimizer against PyTorch's own float64 trajectories
// (Fixtures/torch_reference.json, from scripts/torch_reference.py): three
// analytic losses, non-default hyperparameters, and a change of
// hyperparameters at step 15 that keeps the optimizer state.

@Suite struct `Optimizers against PyTorch` {
    static let trajectories = TorchReference.shared.trajectories

    @Test(arguments: trajectories)
    func `given torch's gradients every update matches torch bit for bit`(_ reference: TorchReference.Trajectory) {
        // The same gradients in, so any difference is the update rule's own:
        // the rules mirror torch's order of operations, so none is allowed.
        var optimizer = Optimizer(reference.kind, reference.records[0].hyperparameters)
        var weights = reference.start
        for record in reference.records {
            optimizer.hyperparameters = record.hyperparameters
            #expect(weights == record.weights, "\(reference.name): before update \(record.step), torch has \(record.weights)")
            optimizer.update(&weights, along: record.gradient)
        }
        #expect(weights == reference.final, "\(reference.name): final weights, torch has \(reference.final)")
    }

    @Test(arguments: trajectories)
    func `with our own back-propagated gradients the trajectory follows torch's`(_ reference: TorchReference.Trajectory) {
        // Here the gradients are descent's (tape) and torch's (autograd); the
        // two may round differently in the last bit (sin, cos, the order of
        // accumulation), and 30 steps of Rosenbrock can grow that by a few
        // orders of magnitude, hence 1e-10 relative.
        let objective = TorchReference.objective(named: reference.loss)
        var optimizer = Optimizer(reference.kind, reference.records[0].hyperparameters)
        var weights = reference.start
        for record in reference.records {
            optimizer.hyperparameters = record.hyperparameters
            let evaluation = objective.evaluate(at: weights)
            #expect(isClose(evaluation.loss, record.loss, tolerance: 1e-10), "\(reference.name) step \(record.step)")
            #expect(zip(weights, record.weights).allSatisfy { isClose($0, $1, tolerance: 1e-10) },
                    "\(reference.name) step \(record.step): \(weights) vs torch \(record.weights)")
            optimizer.update(&weights, along: evaluation.gradient)
        }
        #expect(zip(weights, reference.final).allSatisfy { isClose($0, $1, tolerance: 1e-10) },
                "\(reference.name): \(weights) vs torch \(reference.final)")
    }

    @Test func `the fixture exercises every optimizer on every loss with a mid-run change`() {
        let kinds = Set(Self.trajectories.map(\.kind))
        #expect(kinds == Set(OptimizerKind.allCases))
        #expect(Set(Self.trajectories.map(\.loss)) == ["bowl", "rosenbrock", "wave"])
        #expect(Self.trajectories.allSatisfy { $0.change != nil && $0.records.count == $0.steps })
        for reference in Self.trajectories {
            guard let change = reference.change else { continue }
            let before = reference.records[change.atStep - 1].settings, after = reference.records[change.atStep].settings
            #expect(before != after, "\(reference.name): the change at step \(change.atStep) changes something")
        }
    }
}

@Suite struct `Schedules and clipping against PyTorch` {
    @Test(arguments: TorchReference.shared.schedules)
    func `each schedule gives torch's learning rate before every update`(_ reference: TorchReference.ScheduleCase) {
        // torch chains its updates (lr·γ, then ·γ again); descent uses torch's
        // closed forms. They agree to rounding: 1e-13 relative.
        for (step, expected) in reference.learningRates.enumerated() {
            let rate = reference.schedule.schedule.learningRate(at: step, base: reference.base)
            #expect(isClose(rate, expected, tolerance: 1e-13), "\(reference.schedule.schedule) at step \(step): \(rate) vs torch \(expected)")
        }
    }

    @Test(arguments: TorchReference.shared.clipping)
    func `clipping scales the gradient exactly as clip_grad_norm_ does`(_ reference: TorchReference.ClippingCase) {
        let clipped = GradientClipping.clip(reference.gradient, maxNorm: reference.maxNorm)
        #expect(clipped == reference.clipped, "torch gives \(reference.clipped)")
    }
}
