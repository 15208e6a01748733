import DescentCore
import Testing
import TestSupport

/// Twelve noisy points on y = 2x − 1: a data model for batch tests.
let noisyLine = LinearRegression(data: Dataset(points: [
    (-1.0, -3.2), (-0.8, -2.4), (-0.5, -2.1), (-0.2, -1.3), (0.0, -0.8), (0.3, -0.5),
    (0.5, 0.1), (0.9, 0.7), (1.2, 1.5), (1.4, 1.6), (1.7, 2.6), (2.0, 2.9),
]))

/// The bits of every number a run's future depends on, so `==` means identical bits.
struct RunFingerprint: Equatable, CustomStringConvertible {
    let step: Int
    let epoch: Int
    let bits: [UInt64]
    let status: RunStatus
    let sampler: BatchSampler
    let settings: TrainingSettings

    init(_ run: TrainingRun) {
        let record = run.current, state = run.optimizer.state
        step = record.step
        epoch = run.epoch
        let numbers = record.weights + record.gradient + [record.loss, record.batchLoss, record.learningRate]
            + state.velocity + state.squareSum + state.squareAverage + state.firstMoment
        bits = numbers.map(\.bitPattern) + [UInt64(state.stepCount)]
        status = run.status
        sampler = run.sampler
        settings = run.settings
    }

    var description: String { "step \(step) epoch \(epoch) \(status) bits \(bits.prefix(4))…" }
}

@Suite struct `Training runs with batches, schedules and clipping` {
    @Test func `a mini-batch run reports epochs, batch loss and full loss separately`() {
        var settings = TrainingSettings(optimizer: .sgd, hyperparameters: Hyperparameters(learningRate: 0.05))
        settings.batchSize = .minibatch(5)
        settings.seed = 11
        var run = TrainingRun(objective: noisyLine, start: [0, 0], settings: settings)
        run.step(count: 9)
        // 12 samples in batches of 5, 5, 2: an epoch every three steps.
        #expect(run.history.records.map(\.epoch) == [0, 0, 0, 1, 1, 1, 2, 2, 2, 3])
        for record in run.history.records {
            #expect(isClose(record.loss, noisyLine.loss(at: record.weights), tolerance: 1e-15))
        }
        #expect(run.history.records.contains { $0.batchLoss != $0.loss }, "a batch loss differs from the full loss")
    }

    @Test func `full batch on data counts one epoch per step and an analytic surface none`() {
        var run = TrainingRun(objective: noisyLine, start: [0, 0], optimizer: Optimizer(.sgd))
        run.step(count: 4)
        #expect(run.epoch == 4 && run.current.batchLoss == run.current.loss)
        var bowl = TrainingRun(objective: ReferenceLoss.bowl, start: [1, 1], optimizer: Optimizer(.sgd))
        bowl.step(count: 4)
        #expect(bowl.epoch == 0)
    }

    @Test func `the batch gradient is the gradient of the batch the sampler drew`() {
        var settings = TrainingSettings(optimizer: .sgd)
        settings.batchSize = .stochastic
        settings.seed = 4
        var run = TrainingRun(objective: noisyLine, start: [0.5, -0.5], settings: settings)
        var sampler = BatchSampler(sampleCount: 12, seed: 4)
        for _ in 0..<15 {
            let batch = sampler.next(.stochastic).batch
            let evaluation = noisyLine.evaluate(at: run.weights, batch: batch)
            #expect(run.current.gradient == evaluation.gradient && run.current.batchLoss == evaluation.loss,
                    "step \(run.stepCount), batch \(batch)")
            run.step()
        }
    }

    @Test(arguments: TorchReference.shared.scheduledClippedTrajectories)
    func `schedule and clipping in a run follow torch`(_ reference: TorchReference.Trajectory) {
        let settings = TrainingSettings(optimizer: reference.kind, hyperparameters: reference.records[0].hyperparameters,
                                        schedule: reference.learningRateSchedule, gradientClipping: reference.clip)
        var run = TrainingRun(objective: TorchReference.objective(named: reference.loss), start: reference.start,
                              settings: settings)
        for record in reference.records {
            let ours = run.current
            #expect(isClose(ours.learningRate, record.hyperparameters.learningRate, tolerance: 1e-13),
                    "\(reference.name) step \(record.step): rate \(ours.learningRate) vs torch \(record.hyperparameters.learningRate)")
            #expect(zip(ours.weights, record.weights).allSatisfy { isClose($0, $1, tolerance: 1e-10) },
                    "\(reference.name) step \(record.step): \(ours.weights) vs torch \(record.weights)")
            run.step()
        }
        #expect(zip(run.weights, reference.final).allSatisfy { isClose($0, $1, tolerance: 1e-10) })
        if let clip = reference.clip {
            #expect(reference.records.contains { $0.clippedGradient != $0.gradient }, "clipping at \(clip) was exercised")
        }
    }

    @Test(arguments: TorchReference.shared.trajectories)
    func `hyperparameters changed between two steps of a run keep the optimizer state as torch does`(
        _ reference: TorchReference.Trajectory
    ) {
        var run = TrainingRun(objective: TorchReference.objective(named: reference.loss), start: reference.start,
                              optimizer: Optimizer(reference.kind, reference.records[0].hyperparameters))
        for record in reference.records {
            run.optimizer.hyperparameters = record.hyperparameters
            #expect(zip(run.weights, record.weights).allSatisfy { isClose($0, $1, tolerance: 1e-10) },
                    "\(reference.name) step \(record.step): \(run.weights) vs torch \(record.weights)")
            run.step()
        }
    }

    @Test func `switching to an optimizer of another torch class starts its state afresh`() {
        var optimizer = Optimizer(.momentum, Hyperparameters(learningRate: 0.1, momentum: 0.9))
        var weights = [1.0]
        optimizer.update(&weights, along: [2])
        optimizer.kind = .nesterov
        optimizer.update(&weights, along: [2])
        #expect(optimizer.state.velocity == [3.8], "SGD, momentum and Nesterov share torch.optim.SGD's buffer")
        optimizer.kind = .adam
        optimizer.hyperparameters.learningRate = 0.01
        let before = weights[0]
        optimizer.update(&weights, along: [2])
        // A fresh Adam's first step is η·sign(g) (to ε): no stale SGD state.
        #expect(optimizer.state.stepCount == 1 && optimizer.state.velocity.isEmpty)
        #expect(isClose(before - weights[0], 0.01, tolerance: 1e-7))
        // Away and back between two updates changes nothing.
        optimizer.kind = .sgd
        optimizer.kind = .adam
        optimizer.update(&weights, along: [2])
        #expect(optimizer.state.stepCount == 2)
    }

    @Test func `RMSProp momentum raised from zero starts its buffer at zero`() {
        var optimizer = Optimizer(.rmsprop, Hyperparameters(learningRate: 0.1, alpha: 0.5))
        var weights = [0.0]
        optimizer.update(&weights, along: [1])
        #expect(optimizer.state.velocity.isEmpty)
        optimizer.hyperparameters.momentum = 0.5
        optimizer.update(&weights, along: [1])
        // s = 0.5·0.5 + 0.5·1 = 0.75; v = 0.5·0 + 1/(√0.75 + 1e-8).
        #expect(isClose(optimizer.state.velocity[0], 1 / (0.75.squareRoot() + 1e-8), tolerance: 1e-15))
    }

    @Test func `a batch size or learning rate changed mid-run applies from the next step`() {
        var settings = TrainingSettings(optimizer: .sgd, hyperparameters: Hyperparameters(learningRate: 0.05))
        settings.batchSize = .minibatch(4)
        settings.seed = 8
        var run = TrainingRun(objective: noisyLine, start: [0, 0], settings: settings)
        run.step(count: 2)
        run.batchSize = .full
        run.optimizer.hyperparameters.learningRate = 0.1
        let weights = run.weights
        let full = noisyLine.evaluate(at: weights)
        run.step()
        #expect(run.history.records[2].gradient == full.gradient, "the refreshed record holds the full gradient")
        #expect(run.history.records[2].learningRate == 0.1)
        #expect(run.weights == zip(weights, full.gradient).map { $0.addingProduct(-0.1, $1) })
    }
}

@Suite struct `Run status` {
    @Test func `a run starts running, converges, and stays converged while it keeps stepping`() {
        var run = Scenario.mseFit.makeRun()
        #expect(run.status == .running)
        run.step(count: 3000)
        guard case .converged(let step) = run.status else {
            Issue.record("expected convergence, got \(run.status)")
            return
        }
        #expect(step < 3000 && run.stepCount == 3000, "a converged run keeps stepping")
    }

    @Test func `a converged run that is pushed too hard then diverges`() {
        var run = Scenario.mseFit.makeRun()
        run.step(count: 3000)
        #expect(run.status.hasConverged)
        run.optimizer.hyperparameters.learningRate = 2
        run.step(count: 2000)
        #expect(run.status.hasDiverged, "\(run.status)")
    }

    @Test func `a non-finite loss is divergence at that step, and the run stops there`() {
        struct Cliff: Objective {
            let parameterNames = ["x"]
            let sampleCount = 0
            func loss<E: ScalarEvaluator>(_ weights: [E.Value], batch: Batch, in e: inout E) -> E.Value {
                e.log(weights[0])   // −∞ at 0, NaN below it
            }
        }
        var run = TrainingRun(objective: Cliff(), start: [1], optimizer: Optimizer(.sgd, Hyperparameters(learningRate: 2)))
        run.step(count: 10)
        #expect(run.status == .diverged(step: 1), "x₁ = 1 − 2·1 = −1: log is NaN there")
        #expect(run.stepCount == 1 && run.history.count == 2)
        #expect(run.divergenceCause == .lossUndefined)
    }

    @Test func `a finite loss without a gradient is divergence, blamed on the surface and not the rate`() {
        // Ackley's global minimum is a cone's tip: √(½(a² + b²)) has no derivative at 0.
        var run = TrainingRun(objective: ClassicFunction.ackley.objective, start: [0, 0],
                              optimizer: Optimizer(.sgd, Hyperparameters(learningRate: 1e-9)))
        #expect(run.status == .diverged(step: 0))
        #expect(run.current.loss.magnitude < 1e-12 && run.current.gradient.contains { $0.isNaN })
        #expect(run.divergenceCause == .gradientUndefined)
        #expect(run.divergenceCause?.explanation == "the loss has no gradient there")
        run.step()
        #expect(run.stepCount == 0)
    }

    @Test(arguments: ["mse-fit", "tiny-mlp", "batch-size"])
    func `the full-data loss is the same number in every batch mode, at the same weights`(_ name: String) throws {
        var scenario = try preset(name)
        scenario.training.batchSize = .full
        let full = scenario.makeRun()
        for size in [BatchSize.minibatch(3), .stochastic] {
            scenario.training.batchSize = size
            var run = scenario.makeRun()
            #expect(run.current.loss.bitPattern == full.current.loss.bitPattern, "\(name), \(size) at the start")
            run.step(count: 7)
            // A full-batch run from these weights would report exactly this loss.
            var settings = run.settings
            settings.batchSize = .full
            let fresh = TrainingRun(objective: run.objective, start: run.weights, settings: settings)
            #expect(run.current.loss.bitPattern == fresh.current.loss.bitPattern, "\(name), \(size) after 7 steps")
        }
    }

    @Test func `a running or converged run has no divergence cause`() {
        var run = Scenario.mseFit.makeRun()
        #expect(run.divergenceCause == nil)
        run.step(count: 3000)
        #expect(run.status.hasConverged && run.divergenceCause == nil)
    }

    @Test func `an exploding loss is divergence even while it is finite`() {
        var run = TrainingRun(objective: ReferenceLoss.bowl, start: [1, 1],
                              optimizer: Optimizer(.sgd, Hyperparameters(learningRate: 0.5)))
        run.criteria.explosionFactor = 100
        run.step(count: 100)
        guard case .diverged(let step) = run.status else {
            Issue.record("expected divergence, got \(run.status)")
            return
        }
        #expect(run.current.loss.isFinite && run.current.loss > 100 * 6)
        #expect(run.stepCount == step)
        #expect(run.divergenceCause == .lossExploded, "a finite loss past the threshold is an overshoot")
    }

    @Test func `a small loss change counts as convergence`() {
        var run = TrainingRun(objective: ReferenceLoss.bowl, start: [1, 1],
                              optimizer: Optimizer(.sgd, Hyperparameters(learningRate: 0.01)),
                              criteria: StoppingCriteria(gradientNorm: 0, lossChange: 1e-3,
                                                         stillLossGradientNorm: .infinity))
        run.step(count: 500)
        guard case .converged(let step) = run.status else {
            Issue.record("expected convergence, got \(run.status)")
            return
        }
        let records = run.history.records
        #expect(abs(records[step].loss - records[step - 1].loss) < 1e-3)
        #expect(abs(records[step - 1].loss - records[step - 2].loss) >= 1e-3 * max(1, records[step - 1].loss))
    }

    @Test func `a rate too small to move the weights leaves the run running, not converged`() {
        // 1e-20 × a gradient of about 2 is far below the weights' last digit:
        // the loss is exactly still on a steep slope.
        var run = TrainingRun(objective: ReferenceLoss.bowl, start: [1, 1],
                              optimizer: Optimizer(.sgd, Hyperparameters(learningRate: 1e-20)))
        run.step(count: 5)
        #expect(run.current.loss == run.history.records[0].loss)
        #expect(run.status == .running)
    }

    @Test func `a still loss where the gradient is small is convergence`() {
        // The bowl's loss changes by less than 1e-12 per step long before
        // its gradient norm drops below 1e-6.
        var run = TrainingRun(objective: ReferenceLoss.bowl, start: [1, 1],
                              optimizer: Optimizer(.sgd, Hyperparameters(learningRate: 0.01)))
        while !run.status.hasConverged && run.stepCount < 5_000 { run.step(count: 1) }
        #expect(run.status == .converged(step: run.stepCount))
        #expect(run.current.gradientNorm >= 1e-6, "converged by the still loss, not the gradient")
        #expect(run.current.gradientNorm < 1e-3)
    }
}

@Suite struct `Rewinding runs` {
    static func settings(_ kind: OptimizerKind) -> TrainingSettings {
        var settings = TrainingSettings(optimizer: kind)
        settings.hyperparameters.learningRate = kind == .adagrad || kind == .adam ? 0.05 : 0.02
        settings.hyperparameters.momentum = kind.usesMomentum ? 0.5 : 0
        settings.batchSize = .minibatch(5)
        settings.seed = 21
        settings.schedule = .exponential(factor: 0.999)
        settings.gradientClipping = 4
        return settings
    }

    @Test(arguments: OptimizerKind.allCases)
    func `rewinding N steps then stepping N again gives identical bits`(_ kind: OptimizerKind) {
        var run = TrainingRun(objective: noisyLine, start: [-1, 2], settings: Self.settings(kind))
        run.step(count: 1000)
        let original = RunFingerprint(run)
        for steps in [1, 7, 128, 129, 600, 1000] {
            run.rewind(steps: steps)
            #expect(run.stepCount == 1000 - steps)
            run.step(count: steps)
            #expect(RunFingerprint(run) == original, "\(kind), rewound \(steps)")
        }
    }

    @Test func `a rewound run is the run it was at that step, even far back`() {
        var twin = TrainingRun(objective: noisyLine, start: [-1, 2], settings: Self.settings(.adam))
        twin.step(count: 333)
        var run = twin
        run.step(count: 20_000 - 333)
        run.rewind(to: 333)
        #expect(RunFingerprint(run) == RunFingerprint(twin))
        #expect(run.history.last == twin.current)
        run.step(count: 50)
        twin.step(count: 50)
        #expect(RunFingerprint(run) == RunFingerprint(twin))
    }

    @Test func `rewinding replays the settings changes made before the target and undoes later ones`() {
        var run = TrainingRun(objective: noisyLine, start: [-1, 2], settings: Self.settings(.sgd))
        var fingerprints: [Int: RunFingerprint] = [0: RunFingerprint(run)]
        func advance(to step: Int) {
            while run.stepCount < step {
                run.step()
                fingerprints[run.stepCount] = RunFingerprint(run)
            }
        }
        // Changes apply to updates 150, 250 and 350.
        advance(to: 150)
        run.optimizer.hyperparameters.learningRate = 0.01
        advance(to: 250)
        run.batchSize = .full
        run.optimizer.hyperparameters.momentum = 0.9
        advance(to: 350)
        run.optimizer.kind = .adam
        run.schedule = .cosine(period: 200, minimum: 0)
        run.gradientClipping = nil
        advance(to: 550)
        let changes = [150, 250, 350, 550]
        for target in [549, 400, 351, 350, 349, 300, 251, 250, 170, 149, 0] {
            run.rewind(to: target)
            #expect(run.stepCount == target)
            #expect(RunFingerprint(run).bits == fingerprints[target]?.bits, "state after rewinding to \(target)")
            // The settings are those the update from `target` used.
            #expect(run.settings == fingerprints[target + 1]?.settings, "settings after rewinding to \(target)")
            // Stepping again retraces the path up to the next change, which the rewind undid.
            let next = changes.first { $0 > target } ?? 550
            run.step(count: next - target)
            #expect(RunFingerprint(run) == fingerprints[next], "from \(target) to \(next)")
        }
    }

    @Test func `rewinding past the start stops at the start and a rewind forward does nothing`() {
        var run = Scenario.mseFit.makeRun()
        run.step(count: 10)
        let at10 = RunFingerprint(run)
        run.rewind(to: 50)
        #expect(RunFingerprint(run) == at10)
        run.rewind(steps: 99)
        #expect(run.stepCount == 0 && run.weights == Scenario.mseFit.start && run.history.count == 1)
    }

    @Test func `a diverged run rewound before its divergence runs again`() {
        var scenario = Scenario.mseFit
        scenario.training.hyperparameters.learningRate = 0.4
        var run = scenario.makeRun()
        run.step(count: 500)
        guard case .diverged(let step) = run.status else {
            Issue.record("expected divergence, got \(run.status)")
            return
        }
        run.rewind(steps: 5)
        #expect(run.status == .running && run.stepCount == step - 5)
        run.step(count: 5)
        #expect(run.status == .diverged(step: step))
    }
}

@Suite struct `Bounded run history` {
    /// ½x², with its gradient written out: as cheap as an objective gets.
    struct Parabola: Objective {
        let parameterNames = ["x"]
        let sampleCount = 0
        func loss<E: ScalarEvaluator>(_ weights: [E.Value], batch: Batch, in e: inout E) -> E.Value {
            e.scale(e.square(weights[0]), by: 0.5)
        }
        func evaluate(at weights: [Double], batch: Batch) -> Evaluation {
            Evaluation(loss: 0.5 * weights[0] * weights[0], gradient: [weights[0]])
        }
    }

    @Test func `a million steps keep at most the history's capacity of records`() {
        var run = TrainingRun(objective: Parabola(), start: [1e150],
                              optimizer: Optimizer(.sgd, Hyperparameters(learningRate: 1e-6)),
                              criteria: StoppingCriteria(gradientNorm: 0, lossChange: 0))
        var largest = 0
        for _ in 0..<100 {
            run.step(count: 10_000)
            largest = max(largest, run.history.count)
        }
        #expect(run.stepCount == 1_000_000)
        #expect(run.history.capacity == 6144)
        #expect(largest <= run.history.capacity, "stored \(largest) records")
        #expect(run.checkpointCount <= 96)
        let steps = run.history.records.map(\.step)
        #expect(steps.first == 0 && steps.last == 1_000_000)
        #expect(steps.suffix(2048) == Array((1_000_000 - 2047)...1_000_000), "the latest steps are all kept")
        #expect(zip(steps, steps.dropFirst()).allSatisfy { $0 < $1 })
        let stride = run.history.stride
        #expect(steps.dropLast(4096).allSatisfy { $0 % stride == 0 }, "older steps are every \(stride)th")
    }

    @Test func `thinning keeps recent steps exactly and older ones at a doubling stride`() {
        var history = RunHistory(recentLimit: 4, thinnedLimit: 3)
        for step in 0...40 {
            history.append(StepRecord(step: step, epoch: 0, weights: [], loss: 0, batchLoss: 0, gradient: [], learningRate: 0))
            #expect(history.count <= history.capacity)
        }
        let steps = history.records.map(\.step)
        #expect(steps.first == 0)
        #expect(Array(steps.suffix(4)) == [37, 38, 39, 40])
        #expect(history.record(atOrBefore: 39)?.step == 39)
    }
}
