/// What a person loads: a landscape, a start, settings and a lesson.
public struct Scenario: Sendable {
    /// The short name it is opened by (`mse-fit`).
    public var name: String
    public var title: String
    /// What to try and what to notice, in a sentence or three.
    public var lesson: String
    public var objective: any Objective
    /// The plane the surface view shows.
    public var plane: SurfacePlane
    /// The part of the plane shown when the scenario opens.
    public var region: ViewRegion
    /// Where descent starts (full weight vector).
    public var start: [Double]
    /// How runs of this scenario train: optimizer, schedule, clipping,
    /// batch size, seed, stopping criteria.
    public var training: TrainingSettings
    /// The optimizer of `training` (its kind and hyperparameters, no state).
    public var optimizer: Optimizer {
        get { Optimizer(training.optimizer, training.hyperparameters) }
        set {
            training.optimizer = newValue.kind
            training.hyperparameters = newValue.hyperparameters
        }
    }
    /// Minima known in advance (documented or closed-form), marked on the
    /// surface; empty when none is known.
    public var minima: [KnownMinimum]
    /// Optimizers that race from the same start, side by side; empty for a
    /// single run with `optimizer`.
    public var race: [Optimizer]
    /// The batch size of each racing run, by index, where it differs from
    /// `training.batchSize` (nil, or no entry: the scenario's), so a race can
    /// set full-batch against mini-batch against stochastic descent.
    public var raceBatchSizes: [BatchSize?] = []
    /// What the scenario asks of a run (checked live by `GoalTracker`); nil
    /// when it asks nothing in particular.
    public var goal: Goal?
    /// The random restarts the scenario suggests (its lesson is about
    /// them); nil when it suggests none.
    public var restarts: RestartSettings?

    public init(name: String, title: String, lesson: String, objective: any Objective,
                plane: SurfacePlane? = nil, region: ViewRegion, start: [Double],
                training: TrainingSettings, minima: [KnownMinimum] = [], race: [Optimizer] = []) {
        precondition(start.count == objective.dimension, "the start needs one value per weight")
        self.name = name
        self.title = title
        self.lesson = lesson
        self.objective = objective
        self.plane = plane ?? (objective.dimension == 1
            ? .line(name: objective.parameterNames[0]) : .identity(names: objective.parameterNames))
        self.region = region
        self.start = start
        self.training = training
        self.minima = minima
        self.race = race
    }

    /// A scenario that trains with `optimizer` and otherwise default
    /// settings (full batch, constant rate, no clipping, seed 0).
    public init(name: String, title: String, lesson: String, objective: any Objective,
                plane: SurfacePlane? = nil, region: ViewRegion, start: [Double],
                optimizer: Optimizer, minima: [KnownMinimum] = [], race: [Optimizer] = []) {
        self.init(name: name, title: title, lesson: lesson, objective: objective, plane: plane, region: region,
                  start: start, training: TrainingSettings(optimizer), minima: minima, race: race)
    }

    /// The first global minimum, if one is known.
    public var globalMinimum: KnownMinimum? { minima.first(where: \.isGlobal) }

    /// Fresh runs from the start: one per racing optimizer (each with the
    /// scenario's other training settings), or just `makeRun()`.
    public func makeRuns() -> [TrainingRun] {
        guard !race.isEmpty else { return [makeRun()] }
        return race.indices.map { index in
            var contender = self
            contender.optimizer = race[index]
            if index < raceBatchSizes.count, let batchSize = raceBatchSizes[index] {
                contender.training.batchSize = batchSize
            }
            return contender.makeRun()
        }
    }

    /// A label per racing run that tells them apart: the optimizer's name,
    /// the batch size when only batch sizes differ ("full batch", "batch 8",
    /// "stochastic"), both when both do ("SGD · batch 8").
    public var raceLabels: [String] {
        let sizes = race.indices.map { index in
            index < raceBatchSizes.count ? raceBatchSizes[index] ?? training.batchSize : training.batchSize
        }
        let optimizers = race.map(\.kind.displayName)
        let batchesDiffer = Set(sizes).count > 1, optimizersDiffer = Set(optimizers).count > 1
        return race.indices.map { index in
            let batch: String
            switch sizes[index] {
            case .full: batch = "full batch"
            case .minibatch(1): batch = "stochastic"
            case .minibatch(let size): batch = "batch \(size)"
            }
            if batchesDiffer && !optimizersDiffer { return batch }
            return batchesDiffer ? optimizers[index] + " · " + batch : optimizers[index]
        }
    }

    /// A fresh run of this scenario from its start, with its training settings.
    public func makeRun() -> TrainingRun {
        makeRun(from: start)
    }

    /// A fresh run from `start` (a full weight vector), with the scenario's
    /// training settings.
    public func makeRun(from start: [Double]) -> TrainingRun {
        TrainingRun(objective: objective, start: start, settings: training)
    }
}
