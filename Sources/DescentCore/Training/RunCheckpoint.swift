/// A run's whole state at a step: where a rewind replays from.
struct RunCheckpoint: Sendable, Equatable, StepStamped {
    let state: RunState
    let optimizer: Optimizer
    var step: Int { state.record.step }
}

/// What a run needs to continue from a step, apart from its settings.
struct RunState: Sendable, Equatable {
    var record: StepRecord
    /// The sampler after drawing the batch of `record`.
    var sampler: BatchSampler
    /// The sampler before drawing it (to redraw after a batch-size change).
    var samplerBeforeBatch: BatchSampler
    /// The batch size `record`'s batch was drawn with.
    var batchSize: BatchSize
    /// Whether `record`'s batch is the last of an epoch.
    var batchCompletesEpoch: Bool
    var epoch: Int
    var status: RunStatus
    /// The full-data loss one step earlier (for the loss-change test).
    var previousLoss: Double?
    /// The loss at the start (for the explosion test).
    var startLoss: Double
    /// The status before `record` was judged (to rejudge a refreshed record).
    var statusBeforeRecord: RunStatus = .running
}
