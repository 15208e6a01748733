/// Random restarts: new starts drawn uniformly (seeded) from a scenario's
/// view region, the earlier runs kept, the best so far, and a batch mode
/// that runs R restarts of S steps and tallies which known minimum each
/// reached.
///
/// Starts are drawn as (u, v) uniform over `region` and mapped through the
/// scenario's `plane` (`plane.weights(at:)`), so for a larger model they lie
/// on the plane the view shows. Restart i trains with the settings it is
/// given and a batch-order seed derived from the restarts' seed and i, so
/// each restart is reproducible on its own.
///
/// A run "reached" a known minimum when its end lies within `tolerance`
/// (Euclidean distance in weight space) of the minimum's point; the nearest
/// such minimum counts, and none when no minimum is that close.
public struct RandomRestarts: Sendable {
    public let region: ViewRegion
    public let plane: SurfacePlane
    public let minima: [KnownMinimum]
    /// The distance within which an end point counts as at a minimum.
    public var tolerance: Double
    /// Seeds the starts (and, derived, each restart's batch order).
    public let seed: UInt64
    /// The outcomes of the finished runs, oldest first.
    public private(set) var earlier: [RestartOutcome] = []
    private var generator: SeededGenerator
    /// The restarts drawn so far.
    public private(set) var drawn = 0

    /// Restarts over `scenario`'s region, plane and known minima.
    public init(scenario: Scenario, seed: UInt64, tolerance: Double = 0.01) {
        self.init(region: scenario.region, plane: scenario.plane, minima: scenario.minima, seed: seed,
                  tolerance: tolerance)
    }

    public init(region: ViewRegion, plane: SurfacePlane, minima: [KnownMinimum], seed: UInt64,
                tolerance: Double = 0.01) {
        precondition(tolerance >= 0, "a tolerance is a distance, never negative")
        self.region = region
        self.plane = plane
        self.minima = minima
        self.seed = seed
        self.tolerance = tolerance
        generator = SeededGenerator(seed: seed)
    }

    /// The batch-order seed of restart `index`.
    public func seed(ofRestart index: Int) -> UInt64 {
        SeededGenerator.derivedSeed(seed, stream: UInt64(index) &+ 1)
    }

    /// The next start: (u, v) uniform over the region, as full weights.
    public mutating func drawStart() -> [Double] {
        let u = RandomDraw.uniform(region.horizontal.lowerBound, region.horizontal.upperBound, using: &generator)
        let v = RandomDraw.uniform(region.vertical.lowerBound, region.vertical.upperBound, using: &generator)
        drawn += 1
        return plane.weights(at: PlanePoint(u: u, v: v))
    }

    /// A fresh run from a newly drawn start, with `run`'s current settings
    /// (a person who tuned the learning rate keeps it) and this restart's
    /// batch seed. `run` itself is kept among `earlier` when `keeping` it.
    public mutating func restart(after run: TrainingRun, keeping: Bool = true) -> TrainingRun {
        if keeping { earlier.append(outcome(of: run, index: earlier.count)) }
        let index = drawn
        var settings = run.settings
        settings.seed = seed(ofRestart: index)
        return TrainingRun(objective: run.objective, start: drawStart(), settings: settings)
    }

    /// The earlier run with the lowest final loss (diverged runs never win).
    public var best: RestartOutcome? { Self.best(of: earlier) }

    /// The outcome of `run`, judged against the known minima.
    /// A diverged run reached no minimum, wherever it stopped, so a tally's
    /// diverged runs and its minima never overlap.
    public func outcome(of run: TrainingRun, index: Int) -> RestartOutcome {
        let reached = run.status.hasDiverged ? nil : minimumIndex(near: run.weights)
        return RestartOutcome(index: index, seed: run.seed, start: run.start, end: run.weights,
                              path: run.history.records.map(\.weights), finalLoss: run.current.loss,
                              steps: run.stepCount, status: run.status, minimumIndex: reached,
                              reachedGlobalMinimum: reached.map { minima[$0].isGlobal } ?? false)
    }

    /// The index of the known minimum nearest to `weights` within the
    /// tolerance, or nil.
    ///
    /// - Complexity: O(m·n) for m minima of n weights.
    public func minimumIndex(near weights: [Double]) -> Int? {
        var nearest: (index: Int, distance: Double)?
        for (index, minimum) in minima.enumerated() where minimum.point.count == weights.count {
            var sum = 0.0
            for (a, b) in zip(weights, minimum.point) { sum += (a - b) * (a - b) }
            let distance = sum.squareRoot()
            if distance <= tolerance, distance < (nearest?.distance ?? .infinity) { nearest = (index, distance) }
        }
        return nearest?.index
    }

    /// Runs `restarts` restarts of `steps` steps each from `settings`,
    /// calling `each` as every one finishes, and tallies the minima reached.
    /// Earlier outcomes of this value are kept as well.
    ///
    /// - Complexity: restarts × steps gradient evaluations.
    public mutating func runBatch(restarts: Int, steps: Int, objective: any Objective, settings: TrainingSettings,
                                  each: (RestartOutcome) -> Void = { _ in }) -> RestartReport {
        var outcomes: [RestartOutcome] = []
        for _ in 0..<max(0, restarts) {
            let index = drawn
            var runSettings = settings
            runSettings.seed = seed(ofRestart: index)
            var run = TrainingRun(objective: objective, start: drawStart(), settings: runSettings,
                                  history: RunHistory(recentLimit: 256, thinnedLimit: 256))
            run.step(count: steps)
            let result = outcome(of: run, index: index)
            earlier.append(result)
            outcomes.append(result)
            each(result)
        }
        return RestartReport(outcomes: outcomes, minima: minima, tolerance: tolerance)
    }

    static func best(of outcomes: [RestartOutcome]) -> RestartOutcome? {
        outcomes.filter { !$0.status.hasDiverged && $0.finalLoss.isFinite }.min { $0.finalLoss < $1.finalLoss }
    }
}

/// The tally of a batch of restarts.
public struct RestartReport: Sendable, Equatable {
    public let outcomes: [RestartOutcome]
    public let minima: [KnownMinimum]
    public let tolerance: Double

    /// How many ended within the tolerance of a global minimum.
    public var globalCount: Int { outcomes.count { $0.reachedGlobalMinimum } }
    /// How many ended near no known minimum, the diverged ones included.
    public var unmatchedCount: Int { outcomes.count { $0.minimumIndex == nil } }
    /// How many diverged.
    public var divergedCount: Int { outcomes.count { $0.status.hasDiverged } }
    /// How many ended near no known minimum without diverging: a tally in
    /// words counts each run once, so the diverged ones are told apart.
    public var strandedCount: Int { outcomes.count { $0.minimumIndex == nil && !$0.status.hasDiverged } }
    /// How many ended at each known minimum, in the order of `minima`.
    public var countsByMinimum: [Int] {
        minima.indices.map { index in outcomes.count { $0.minimumIndex == index } }
    }
    /// The restart with the lowest final loss (diverged ones never win).
    public var best: RestartOutcome? { RandomRestarts.best(of: outcomes) }
}
