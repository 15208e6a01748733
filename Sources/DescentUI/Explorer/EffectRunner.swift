import Dispatch
import Synchronization

/// Runs `ExplorerEffect`s one at a time on a background queue and collects
/// the actions they publish for the loop to apply. Starting an effect of
/// the same kind cancels the one running (a newer sweep replaces an older).
public final class EffectRunner: Sendable {
    private struct Shared {
        var generation = 0
        var running = 0
        var published: [ExplorerAction] = []
    }

    private let shared = Mutex(Shared())
    private let queue = DispatchQueue(label: "descent.effects", qos: .userInitiated)

    public init() {}

    /// Whether an effect is still working.
    public var isBusy: Bool { shared.withLock { $0.running > 0 } }

    public func start(_ effect: ExplorerEffect) {
        let generation = shared.withLock { state -> Int in
            state.generation += 1
            state.running += 1
            return state.generation
        }
        queue.async { [self] in
            effect.perform(
                publish: { action in
                    shared.withLock { state in
                        if state.generation == generation { state.published.append(action) }
                    }
                },
                isCancelled: { shared.withLock { $0.generation != generation } })
            shared.withLock { $0.running -= 1 }
        }
    }

    /// Drops whatever is running or queued.
    public func cancel() { shared.withLock { $0.generation += 1 } }

    /// Blocks until every effect started so far has finished (tests, shutdown).
    public func waitUntilIdle() { queue.sync {} }

    /// Actions published since the last call, oldest first.
    public func takePublished() -> [ExplorerAction] {
        shared.withLock { state in
            defer { state.published.removeAll() }
            return state.published
        }
    }
}
