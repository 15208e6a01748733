/// Everything that decides how a run trains, apart from where it starts:
/// the optimizer and its hyperparameters, the learning-rate schedule,
/// gradient clipping, the batch size, the seed and when to call it
/// converged or diverged. A scenario carries one; `Scenario.makeRun()`
/// starts a run with it.
///
/// Settings are plain values: a run copies them, and the explorer or a
/// scenario file changes them field by field.
public struct TrainingSettings: Sendable, Equatable {
    /// The update rule.
    public var optimizer: OptimizerKind
    /// Its hyperparameters (torch.optim's names and defaults).
    public var hyperparameters: Hyperparameters
    /// How the learning rate changes with the step.
    public var schedule: LearningRateSchedule
    /// The largest gradient norm an update uses (torch's `clip_grad_norm_`
    /// with this `max_norm`, > 0); nil for no clipping.
    public var gradientClipping: Double?
    /// Full batch, mini-batch of k, or stochastic (k = 1).
    public var batchSize: BatchSize
    /// Seeds the batch order (and, for restarts, the starts).
    public var seed: UInt64
    /// When the run counts as converged or diverged.
    public var criteria: StoppingCriteria
    /// Weights (by index) that stay where they start: their gradient is
    /// taken as 0, so no optimizer moves them. A slice of a network trains
    /// only its two free weights, so the path stays on the surface shown.
    public var frozenWeights: [Int] = []

    /// Settings for `optimizer` with torch's defaults for anything not given.
    public init(optimizer: OptimizerKind = .sgd, hyperparameters: Hyperparameters? = nil,
                schedule: LearningRateSchedule = .constant, gradientClipping: Double? = nil,
                batchSize: BatchSize = .full, seed: UInt64 = 0, criteria: StoppingCriteria = StoppingCriteria()) {
        self.optimizer = optimizer
        self.hyperparameters = hyperparameters ?? .defaults(for: optimizer)
        self.schedule = schedule
        self.gradientClipping = gradientClipping
        self.batchSize = batchSize
        self.seed = seed
        self.criteria = criteria
    }

    /// The settings of an existing optimizer (its kind and hyperparameters).
    public init(_ optimizer: Optimizer) {
        self.init(optimizer: optimizer.kind, hyperparameters: optimizer.hyperparameters)
    }
}
