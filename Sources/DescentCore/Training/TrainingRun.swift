// A run is a value: copying it copies the weights, the optimizer state, the
// sampler and the history, so the explorer can branch or rewind it freely.
//
// Rewind is exact by replay. Every `checkpointInterval` steps the run keeps a
// checkpoint (its whole state); checkpoints are thinned like the history
// (recent ones dense, older ones at doubling strides, step 0 always), and
// every change of settings is logged with the update it first applied to.
// Rewinding to step t restores the latest checkpoint at or before t and
// replays the logged settings up to t. Replaying runs the very same
// floating-point operations in the same order, so the state after a rewind
// is bit for bit the state the run had at t.

/// A descent run: the weights, the optimizer, the batch sampler, the
/// history and the status.
///
/// The invariant: `current` holds the full-data loss and the batch gradient
/// at the current weights, so the next `step()` moves along a gradient a
/// person has already seen on screen.
public struct TrainingRun: Sendable {
    public let objective: any Objective
    public let start: [Double]
    /// Seeds the batch order.
    public let seed: UInt64
    /// The update rule, its hyperparameters and its state. Change the kind or
    /// the hyperparameters between steps freely (the state is kept).
    public var optimizer: Optimizer
    /// How the learning rate changes with the step (from the next step on).
    public var schedule: LearningRateSchedule
    /// The largest gradient norm an update uses; nil for no clipping.
    public var gradientClipping: Double?
    /// Weights that never move (their gradient is recorded as 0).
    public var frozenWeights: [Int]
    /// Full batch, mini-batch of k, or stochastic (from the next step on).
    public var batchSize: BatchSize
    /// When the run counts as converged or diverged.
    public var criteria: StoppingCriteria
    public internal(set) var history: RunHistory

    var state: RunState
    var checkpoints: ThinnedSeries<RunCheckpoint>
    /// Settings changes keyed by the first update they applied to (entry 0
    /// holds the settings of update 0). Grows only with the number of
    /// changes a person makes, not with the number of steps.
    var settingsLog: [(update: Int, settings: TrainingSettings)]
    /// Storage every evaluation reuses (its tapes keep their capacity), so a
    /// step records its graph without allocating one. Not part of the
    /// run's state: it holds only the latest evaluation's scratch.
    private var workspace = EvaluationWorkspace()

    /// A checkpoint every this many steps (the most steps a rewind replays
    /// while within the dense recent checkpoints).
    public static let checkpointInterval = 128

    /// A run from `start` with `settings`.
    public init(objective: any Objective, start: [Double], settings: TrainingSettings, history: RunHistory = RunHistory()) {
        precondition(start.count == objective.dimension,
                     "the start needs one value per weight (\(objective.parameterNames))")
        self.objective = objective
        self.start = start
        seed = settings.seed
        optimizer = Optimizer(settings.optimizer, settings.hyperparameters)
        schedule = settings.schedule
        gradientClipping = settings.gradientClipping
        frozenWeights = settings.frozenWeights
        batchSize = settings.batchSize
        criteria = settings.criteria
        self.history = history
        self.history.removeAll(fromStep: 0)
        checkpoints = ThinnedSeries(recentLimit: 32, thinnedLimit: 32, baseStride: Self.checkpointInterval)
        settingsLog = [(0, settings)]
        let sampler = BatchSampler(sampleCount: objective.sampleCount, seed: settings.seed)
        state = RunState(record: StepRecord(step: 0, epoch: 0, weights: start, loss: 0, batchLoss: 0, gradient: [],
                                            learningRate: 0),
                         sampler: sampler, samplerBeforeBatch: sampler, batchSize: settings.batchSize,
                         batchCompletesEpoch: false, epoch: 0, status: .running, previousLoss: nil, startLoss: 0)
        state = Self.arrive(at: start, step: 0, from: state, objective: objective, settings: settings,
                            workspace: &workspace)
        self.history.append(state.record)
        checkpoints.append(RunCheckpoint(state: state, optimizer: optimizer))
    }

    /// A run from `start` with `optimizer` and otherwise default settings
    /// (full batch, constant rate, no clipping, seed 0).
    public init(objective: any Objective, start: [Double], optimizer: Optimizer,
                criteria: StoppingCriteria = StoppingCriteria()) {
        var settings = TrainingSettings(optimizer)
        settings.criteria = criteria
        self.init(objective: objective, start: start, settings: settings)
    }

    /// The latest record: the current weights, loss and gradient.
    public var current: StepRecord { state.record }
    public var weights: [Double] { state.record.weights }
    public var stepCount: Int { state.record.step }
    /// Full passes over the data completed (0 for analytic surfaces).
    public var epoch: Int { state.epoch }
    public var status: RunStatus { state.status }
    /// The batch sampler, after drawing the batch of `current` (its order
    /// and position show where in the epoch the run is).
    public var sampler: BatchSampler { state.sampler }

    /// The settings the next step will use.
    public var settings: TrainingSettings {
        var settings = TrainingSettings(optimizer: optimizer.kind, hyperparameters: optimizer.hyperparameters,
                                        schedule: schedule, gradientClipping: gradientClipping, batchSize: batchSize,
                                        seed: seed, criteria: criteria)
        settings.frozenWeights = frozenWeights
        return settings
    }

    /// The same settings (as they are now) from a new start: a restart.
    public func restarted(from newStart: [Double]) -> TrainingRun {
        TrainingRun(objective: objective, start: newStart, settings: settings,
                    history: RunHistory(recentLimit: history.recentLimit, thinnedLimit: history.thinnedLimit))
    }

    /// Applies `count` updates. A diverged run does not move (its weights are
    /// no longer numbers worth updating); a converged one keeps stepping.
    ///
    /// - Complexity: `count` gradient evaluations (plus one full-data loss
    ///   each with mini-batches).
    public mutating func step(count: Int = 1) {
        for _ in 0..<max(0, count) {
            if state.status.hasDiverged { return }
            let settings = self.settings
            if settingsLog[settingsLog.count - 1].settings != settings {
                settingsLog.append((state.record.step, settings))
            }
            advance(with: settings)
        }
    }

    /// Back to the start with fresh optimizer state and an empty history,
    /// keeping the current settings (a person who tuned the learning rate
    /// keeps it).
    public mutating func reset() {
        self = TrainingRun(objective: objective, start: start, settings: settings,
                           history: RunHistory(recentLimit: history.recentLimit, thinnedLimit: history.thinnedLimit))
    }

    /// One update with `settings`, then the record at the new weights.
    mutating func advance(with settings: TrainingSettings) {
        apply(settings)
        refreshCurrentRecord(for: settings)
        let step = state.record.step
        var weights = state.record.weights
        var gradient = state.record.gradient
        if let maxNorm = settings.gradientClipping { gradient = GradientClipping.clip(gradient, maxNorm: maxNorm) }
        optimizer.update(&weights, along: gradient, learningRate: state.record.learningRate)
        if state.batchCompletesEpoch { state.epoch += 1 }
        state.previousLoss = state.record.loss
        state = Self.arrive(at: weights, step: step + 1, from: state, objective: objective, settings: settings,
                            workspace: &workspace)
        history.append(state.record)
        if (step + 1) % Self.checkpointInterval == 0 {
            checkpoints.append(RunCheckpoint(state: state, optimizer: optimizer))
        }
    }

    /// Sets the run's settings to `settings` (the optimizer keeps its state).
    mutating func apply(_ settings: TrainingSettings) {
        optimizer.kind = settings.optimizer
        optimizer.hyperparameters = settings.hyperparameters
        schedule = settings.schedule
        gradientClipping = settings.gradientClipping
        frozenWeights = settings.frozenWeights
        batchSize = settings.batchSize
        criteria = settings.criteria
    }

    /// A change of batch size or learning rate made after the current record
    /// was taken applies to the next step: the batch is redrawn (from the
    /// sampler as it was before) and the record retaken.
    private mutating func refreshCurrentRecord(for settings: TrainingSettings) {
        let rate = settings.schedule.learningRate(at: state.record.step, base: settings.hyperparameters.learningRate)
        guard settings.batchSize != state.batchSize || rate.bitPattern != state.record.learningRate.bitPattern else {
            return
        }
        var rewound = state
        rewound.sampler = state.samplerBeforeBatch
        state = Self.arrive(at: state.record.weights, step: state.record.step, from: rewound, objective: objective,
                            settings: settings, statusBefore: state.statusBeforeRecord, workspace: &workspace)
        history.replaceLast(with: state.record)
    }

    /// The state at `weights` after `step` updates: draws the next batch,
    /// evaluates the loss and the batch gradient, and judges the status.
    private static func arrive(at weights: [Double], step: Int, from previous: RunState, objective: any Objective,
                               settings: TrainingSettings, statusBefore: RunStatus? = nil,
                               workspace: inout EvaluationWorkspace) -> RunState {
        var next = previous
        next.samplerBeforeBatch = previous.sampler
        let (batch, completesEpoch) = next.sampler.next(settings.batchSize)
        next.batchSize = settings.batchSize
        next.batchCompletesEpoch = completesEpoch
        objective.evaluate(at: weights, batch: batch, into: &workspace)
        var gradient = workspace.gradient
        for index in settings.frozenWeights where gradient.indices.contains(index) { gradient[index] = 0 }
        let evaluation = Evaluation(loss: workspace.loss, gradient: gradient)
        // The full-data loss by the same routine a full-batch step uses, so a
        // run's `loss` at given weights is the same number in every batch
        // mode (the scalar `loss(at:)` sums and rounds tanh differently, by
        // an ulp or so, from the vectorised evaluation).
        var loss = evaluation.loss
        if batch != .full {
            objective.evaluate(at: weights, batch: .full, into: &workspace)
            loss = workspace.loss
        }
        let rate = settings.schedule.learningRate(at: step, base: settings.hyperparameters.learningRate)
        next.record = StepRecord(step: step, epoch: next.epoch, weights: weights, loss: loss,
                                 batchLoss: evaluation.loss, gradient: evaluation.gradient, learningRate: rate)
        if step == 0 { next.startLoss = loss }
        next.statusBeforeRecord = statusBefore ?? previous.status
        next.status = judge(next, criteria: settings.criteria, statusBefore: next.statusBeforeRecord)
        return next
    }

    private static func judge(_ state: RunState, criteria: StoppingCriteria, statusBefore: RunStatus) -> RunStatus {
        let record = state.record
        if statusBefore.hasDiverged { return statusBefore }
        let finite = record.loss.isFinite && record.batchLoss.isFinite && record.weights.allSatisfy(\.isFinite)
            && record.gradient.allSatisfy(\.isFinite)
        if !finite || Swift.abs(record.loss) > criteria.explosionFactor * max(1, Swift.abs(state.startLoss)) {
            return .diverged(step: record.step)
        }
        if statusBefore.hasConverged { return statusBefore }
        if record.gradientNorm < criteria.gradientNorm { return .converged(step: record.step) }
        if let previousLoss = state.previousLoss, record.gradientNorm < criteria.stillLossGradientNorm,
           Swift.abs(record.loss - previousLoss) < criteria.lossChange * max(1, Swift.abs(record.loss)) {
            return .converged(step: record.step)
        }
        return .running
    }
}
