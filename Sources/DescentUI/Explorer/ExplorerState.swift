import DescentCore

/// Everything the explorer shows, as one value. Changed only by `apply`.
public struct ExplorerState: Sendable {
    public internal(set) var scenario: Scenario
    /// Every run on screen: one, or one per optimizer in a race. All step together.
    public internal(set) var runs: [TrainingRun]
    /// The run the panel shows and the keys tune.
    public internal(set) var activeRunIndex = 0
    /// The part of the weight plane on screen.
    public internal(set) var region: ViewRegion
    public internal(set) var size: TerminalSize
    public internal(set) var isPlaying = false
    /// Play speed.
    public var stepsPerSecond = 15.0
    public internal(set) var isShowingHelp = false { didSet { helpScroll = 0 } }
    /// Rows of the help's key list scrolled past (for small terminals).
    public internal(set) var helpScroll = 0
    /// What the main area shows.
    public internal(set) var mainView = MainView.surface
    /// The latest learning-rate sweep (shown by the sweep view).
    public internal(set) var sweep: SweepResult?
    /// Slow work asked for and not yet handed to the loop.
    public internal(set) var effects: [ExplorerEffect] = []
    /// Identifies sweeps, so a late result of an older one is ignored.
    var sweepCount = 0
    /// Steps asked for (`:step 100000`) and not yet taken: the loop takes
    /// them a frame's worth at a time so keys stay live.
    public internal(set) var pendingSteps = 0
    /// Steps taken of the current request, for the progress indicator.
    public internal(set) var pendingStepsDone = 0
    /// Whether a batch of restarts is running in the background.
    public internal(set) var isRunningRestarts = false
    /// Edges of the backward pass shown so far; nil shows the whole pass.
    public internal(set) var backwardStepsShown: Int?
    /// Rows of the graph table scrolled past.
    public internal(set) var graphScroll = 0
    public internal(set) var isQuitting = false
    /// The latest sampled surface; may be for an older request while a new
    /// one is being sampled.
    public internal(set) var surface: SurfaceGrid?
    /// How far `surface` is refined; the status line shows work in progress.
    public internal(set) var surfaceRefinement = SurfaceRefinement.complete
    /// A one-line notice for the message line (what just happened and why).
    public internal(set) var message: String? { didSet { messageAge = 0 } }
    /// Seconds the message has been on screen; it goes after `messageLifetime`.
    var messageAge = 0.0
    public static let messageLifetime = 8.0
    /// One goal tracker per run, kept current by `apply`.
    public internal(set) var goalTrackers: [GoalTracker] = []
    /// The restart tolerance set with `:tolerance`; nil keeps the scenario's.
    public internal(set) var restartTolerance: Double?
    /// Random restarts drawn so far (nil until the first); their earlier
    /// runs are drawn dim on the surface.
    public internal(set) var restarts: RandomRestarts?
    /// What the scenario picker and `:open` can open.
    public internal(set) var library = ScenarioLibrary()
    /// Where a guided tour stands, while one is on.
    public internal(set) var tour: TourProgress?
    /// The scenario picker, while it is open.
    public internal(set) var picker: ScenarioPicker?
    /// What is typed after `:`; nil while the command line is closed.
    public internal(set) var commandLine: String?
    /// Whether frames are drawn in plain ASCII (`ASCIIFallback`): `--ascii`, `:ascii`.
    public internal(set) var isASCII = false
    /// Whether the message line narrates the run (`narration`) instead of
    /// showing the lesson: `--narrate`, `:narrate`.
    public internal(set) var isNarrating = false
    /// Fractional steps owed by play between ticks.
    var playBacklog = 0.0

    /// `isASCII` starts in plain ASCII (`--ascii`) and `isNarrating` with
    /// narration on (`--narrate`), without the messages their commands show.
    public init(scenario: Scenario, size: TerminalSize, library: ScenarioLibrary = ScenarioLibrary(),
                isASCII: Bool = false, isNarrating: Bool = false) {
        self.library = library
        self.isASCII = isASCII
        self.isNarrating = isNarrating
        self.scenario = scenario
        runs = scenario.makeRuns()
        region = scenario.region
        self.size = size
        refreshGoals()
    }

    /// The run the panel shows and the learning-rate and momentum keys change.
    public var run: TrainingRun { runs[activeRunIndex] }

    /// Whether several optimizers race side by side.
    public var isRace: Bool { runs.count > 1 }

    /// The layout for the current size, or nil when the terminal is too small.
    public var layout: ExplorerLayout? {
        ExplorerLayout(size: size, raceRows: isRace ? runs.count : 0, panelRows: panel.rows.count,
                       captionRows: tour == nil ? 0 : TourCaption.rows)
    }

    /// The numbers panel for the active run.
    public var panel: StatsPanel {
        StatsPanel(run: run, title: isRace ? "state · \(label(ofRun: activeRunIndex))" : "state",
                   restartSummary: restartSummary, goalSummary: goalSummary)
    }

    /// The active run's standing against the scenario's goal ("reached in
    /// 23 steps ✓", "37 steps left"); nil when the scenario sets none.
    public var goalSummary: String? {
        guard let goal = scenario.goal, activeRunIndex < goalTrackers.count else { return nil }
        let status = goalTrackers[activeRunIndex].status
        // Steps left mean little to a run that has come to rest somewhere else (a local minimum).
        if case .pending(let stepsLeft) = status, !goal.isDivergence, run.status.hasConverged {
            return "converged elsewhere · \(stepsLeft) left"
        }
        return status.summary(for: goal)
    }

    /// "restart 3 · best loss 0.1204 (restart 2)" once restarts exist.
    public var restartSummary: String? {
        guard let restarts, restarts.drawn > 0 else { return nil }
        var text = "\(restarts.drawn) drawn"
        // The run on screen counts too: it may already be the best.
        let current = run.status.hasDiverged ? nil : run.current.loss
        if let best = restarts.best, current.map({ best.finalLoss <= $0 }) ?? true {
            text += " · best \(Format.number(best.finalLoss)) (#\(best.index + 1))"
        } else if let current {
            text += " · best \(Format.number(current)) (this run)"
        }
        return text
    }

    /// The surface grid the current layout and region need.
    public var surfaceRequest: SurfaceRequest? {
        guard let layout else { return nil }
        if scenario.plane.isLine {
            // A loss curve: one sample per braille dot column.
            return SurfaceRequest(region: region, columns: layout.surfaceMap.width * 2, rows: 1)
        }
        return SurfaceRequest(region: region, columns: layout.surfaceMap.width, rows: layout.surfaceMap.height)
    }

    /// Whether `surface` is out of date for the current view or still coarse.
    public var needsSurface: Bool {
        guard let request = surfaceRequest else { return false }
        return !request.isSatisfied(by: surface) || !surfaceRefinement.isFinal
    }

    /// Samples the surface the view needs on the calling thread, in one go:
    /// for `descent render` and tests, where nothing else must stay live.
    public mutating func sampleSurfaceNow() {
        guard needsSurface, let request = surfaceRequest else { return }
        apply(.surfaceSampled(request.sample(scenario), .complete))
    }

    public var isShowingGraph: Bool { mainView == .graph }
    public var isShowingFit: Bool { mainView == .data }

    /// Hands the recorded effects to the caller (the loop) and forgets them.
    public mutating func takeEffects() -> [ExplorerEffect] {
        defer { effects.removeAll() }
        return effects
    }

    /// Does everything still owed, on the calling thread: pending steps,
    /// effects (sweeps, restarts) and the surface. For `descent render` and
    /// tests, where the frame must be final.
    public mutating func settle() {
        while pendingSteps > 0 { apply(.advancePendingSteps(maximum: pendingSteps)) }
        while !effects.isEmpty {
            for effect in takeEffects() {
                var published: [ExplorerAction] = []
                effect.perform(publish: { published.append($0) }, isCancelled: { false })
                for action in published { apply(action) }
            }
        }
        sampleSurfaceNow()
    }
}
