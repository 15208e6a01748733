/// The explorer's loop: the only place that does I/O. It reads a key, turns
/// it into an action, applies it, renders the new state and presents it.
///
/// Time reaches the state as `.tick` actions and sampled surfaces as
/// `.surfaceSampled`, so the state itself never reads a clock or computes
/// anything slow.
@MainActor
public struct ExplorerLoop {
    /// Frame interval while playing; idle, the loop only wakes for keys.
    public static let playingFrameInterval = Duration.milliseconds(33)
    public static let idleFrameInterval = Duration.milliseconds(100)

    public init() {}

    /// Runs until the state quits or `shouldStop` (a termination signal)
    /// says so. Returns the final state.
    @discardableResult
    public func run(_ initial: ExplorerState, on screen: some Screen,
                    shouldStop: () -> Bool = { false }) -> ExplorerState {
        var state = initial
        state.apply(.resize(screen.size))
        let clock = ContinuousClock()
        var lastTick = clock.now
        let sampler = SurfaceSampler()
        let runner = EffectRunner()
        defer {
            sampler.cancel()
            runner.cancel()
        }
        // How many queued steps fit in a frame, learnt from how long they take.
        var stepsPerFrame = 16
        while !state.isQuitting && !shouldStop() {
            for (grid, refinement) in sampler.takeFinished() { state.apply(.surfaceSampled(grid, refinement)) }
            for action in runner.takePublished() { state.apply(action) }
            for effect in state.takeEffects() { runner.start(effect) }
            if state.pendingSteps > 0 {
                let started = clock.now
                state.apply(.advancePendingSteps(maximum: stepsPerFrame))
                let spent = clock.now - started
                // Aim for about 20 ms of stepping a frame, so a key waits at most a frame.
                stepsPerFrame = spent < .milliseconds(10) ? min(stepsPerFrame * 2, 1 << 20)
                    : (spent > .milliseconds(30) ? max(1, stepsPerFrame / 2) : stepsPerFrame)
            }
            if state.needsSurface, let request = state.surfaceRequest, sampler.runningRequest != request {
                sampler.start(request, objective: state.scenario.objective, plane: state.scenario.plane)
            }
            screen.present(ExplorerRenderer.render(state))
            // While a surface is refining, wake at frame rate to show each pass as it lands.
            let isBusy = state.isPlaying || sampler.isBusy || runner.isBusy || state.pendingSteps > 0
            // Queued steps only pause to look for a key; otherwise wait a frame.
            let timeout = state.pendingSteps > 0 ? Duration.milliseconds(1)
                : (isBusy ? Self.playingFrameInterval : Self.idleFrameInterval)
            let key = screen.nextKey(timeout: timeout)
            if shouldStop() { break }
            let now = clock.now
            let elapsed = now - lastTick
            lastTick = now
            state.apply(.tick(seconds: Double(elapsed.components.seconds)
                + Double(elapsed.components.attoseconds) / 1e18))
            if screen.size != state.size { state.apply(.resize(screen.size)) }
            if let key { state.handle(key) }
        }
        return state
    }
}
