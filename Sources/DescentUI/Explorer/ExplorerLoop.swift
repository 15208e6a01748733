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
        defer { sampler.cancel() }
        while !state.isQuitting && !shouldStop() {
            for (grid, refinement) in sampler.takeFinished() { state.apply(.surfaceSampled(grid, refinement)) }
            if state.needsSurface, let request = state.surfaceRequest, sampler.runningRequest != request {
                sampler.start(request, objective: state.scenario.objective, plane: state.scenario.plane)
            }
            screen.present(ExplorerRenderer.render(state))
            // While a surface is refining, wake at frame rate to show each pass as it lands.
            let isBusy = state.isPlaying || sampler.isBusy
            let key = screen.nextKey(timeout: isBusy ? Self.playingFrameInterval : Self.idleFrameInterval)
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
