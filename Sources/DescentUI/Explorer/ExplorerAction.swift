import DescentCore

/// Everything that can change the explorer. Keys, the clock, resizes and
/// finished background work all arrive as actions; `ExplorerState.apply`
/// is the only place state changes.
public enum ExplorerAction: Sendable {
    /// Takes steps now, or, for many, queues them for the loop to take a
    /// frame's worth at a time (`advancePendingSteps`).
    case step(count: Int)
    /// Takes up to `maximum` of the queued steps (the loop sizes it to a frame).
    case advancePendingSteps(maximum: Int)
    /// Drops the queued steps (esc).
    case cancelPendingSteps
    /// Runs a learning-rate sweep over `range` (nil: 1000× below to 100×
    /// above the current rate) of `steps` steps each, and shows it.
    case runSweep(range: ClosedRange<Double>?, steps: Int)
    /// The sweep view, or back to the surface.
    case toggleSweep
    /// More of a sweep is done.
    case sweepProgressed(SweepResult)
    /// A background batch of restarts finished.
    case restartsFinished(RandomRestarts, RestartReport, steps: Int)
    case togglePlaying
    case scaleLearningRate(by: Double)
    case setLearningRate(Double)
    case setMomentum(Double)
    /// Sets RMSProp's α, Adam's β₁ or β₂, or ε (for the active run).
    case setHyperparameter(Hyperparameter, Double)
    /// Starts every run over with this seed (batch order, restart draws).
    case setSeed(UInt64)
    /// How close to a known minimum a restart must end to count as there.
    case setRestartTolerance(Double)
    /// The next optimizer in `OptimizerKind.allCases` (for the active run).
    case cycleOptimizer
    case setOptimizer(OptimizerKind)
    /// Full batch → a mini-batch → one sample → full batch.
    case cycleBatchSize
    case setBatchSize(BatchSize)
    case setSchedule(LearningRateSchedule)
    /// Clip the gradient's norm at this value; nil turns clipping off.
    case setClipping(Double?)
    /// Back this many steps, exactly (every run of a race).
    case rewind(steps: Int)
    /// Keeps the run dim on the surface and starts a new one from a random start.
    case restart
    /// Runs `count` restarts of `steps` steps and reports which minima they reached.
    case runRestarts(count: Int, steps: Int)
    /// Steps a second while playing.
    case setPlaySpeed(Double)
    case adjustMomentum(by: Double)
    case reset
    /// Replaces the scenario (a typed loss, a classic function, a preset).
    case open(Scenario)
    /// Opens the library entry with this name (`:open NAME`).
    case openNamed(String)
    /// Starts the guided tour at its first stop (or leaves it).
    case toggleTour
    /// The tour's next or previous stop.
    case moveTour(by: Int)
    /// Shows the scenario picker.
    case openPicker
    /// Replaces the picker's filter text.
    case filterPicker(String)
    /// Moves the picker's selection by rows.
    case movePickerSelection(by: Int)
    /// Opens the picker's selected scenario.
    case choosePickerSelection
    case closePicker
    /// Moves the view by a fraction of its width and height (right and up positive).
    case pan(horizontal: Double, vertical: Double)
    /// Scales the view about its centre (below 1 zooms in).
    case zoom(by: Double)
    /// Zooms about a point of the plane (the mouse wheel), keeping it under the pointer.
    case zoomAbout(PlanePoint, by: Double)
    /// Starts every run afresh from this point of the plane (a click on the map).
    case startAt(PlanePoint)
    /// Back to the scenario's view.
    case resetView
    /// Fits the view around every path and the known minima.
    case fitView
    /// Makes the next run of a race the one the panel shows and keys tune.
    case selectNextRun
    /// Compares the back-propagated gradient at the current weights with
    /// central finite differences and reports the relative error.
    case checkGradient
    /// Shows the data and the model's guesses instead of the surface, or back.
    case toggleFit
    /// Shows the computational graph instead of the surface, or back.
    case toggleGraph
    /// Processes one more edge of the backward pass in the graph view.
    case stepBackward
    /// Shows the whole backward pass at once.
    case completeBackward
    /// Scrolls the graph table by rows.
    case scrollGraph(by: Int)
    case toggleHelp
    /// Puts a sentence about the run on the message line after every change
    /// (for screen readers), or the lesson again.
    case setNarration(Bool)
    /// Draws frames in plain ASCII, or in Unicode again.
    case setASCII(Bool)
    /// Shows `text` on the message line (the answer to `:help NAME`).
    case say(String)
    /// Closes whatever overlay is open.
    case dismissOverlay
    case quit
    /// Opens the `:` command line on the message line.
    case openCommandLine
    /// Replaces what is typed on the command line.
    case editCommandLine(String)
    /// Runs what was typed (or shows why it cannot).
    case submitCommandLine
    case closeCommandLine
    /// Time passed (drives play).
    case tick(seconds: Double)
    case resize(TerminalSize)
    /// A pass of surface sampling finished (`.complete` when sampled in one go).
    case surfaceSampled(SurfaceGrid, SurfaceRefinement)
}
