import DescentCore
import Dispatch
import Synchronization

/// Samples surfaces off the input thread, coarse first and refined in
/// passes, so the explorer never waits for one.
///
/// Each pass delivers a complete grid at the full size (coarse samples
/// repeated over their block), so what is on screen is always a whole
/// surface, never a half-written one. Starting a new request cancels the
/// running job: it stops at its next row and publishes nothing more. Final
/// grids are cached per request, so returning to an earlier view is instant.
public final class SurfaceSampler: Sendable {
    /// Block sizes of the passes, coarsest first; 1 is full resolution.
    public static let blockSizes = [4, 2, 1]
    /// Final grids kept for views visited before.
    public static let cacheCapacity = 8

    private struct Shared {
        var generation = 0
        var running: SurfaceRequest?
        var finished: [(SurfaceGrid, SurfaceRefinement)] = []
        var cache: [(SurfaceRequest, SurfaceGrid)] = []
    }

    private let shared = Mutex(Shared())
    private let queue = DispatchQueue(label: "descent.surface-sampler", qos: .userInitiated)

    public init() {}

    /// Whether a job is still refining.
    public var isBusy: Bool { shared.withLock { $0.running != nil } }

    /// The request being sampled now, if any.
    public var runningRequest: SurfaceRequest? { shared.withLock { $0.running } }

    /// Starts sampling `request` unless it is already running, cancelling
    /// any other job. A cached grid is delivered at once instead.
    public func start(_ request: SurfaceRequest, objective: any Objective, plane: SurfacePlane) {
        let generation: Int? = shared.withLock { state in
            if state.running == request { return nil }
            state.generation += 1
            if let cached = state.cache.first(where: { $0.0 == request })?.1 {
                state.running = nil
                state.finished.append((cached, .complete))
                return nil
            }
            state.running = request
            return state.generation
        }
        guard let generation else { return }
        queue.async { [self] in
            refine(request, objective: objective, plane: plane, generation: generation)
        }
    }

    /// Blocks until every job started so far has finished or given up
    /// (jobs run one at a time, in order). For tests and shutdown.
    public func waitUntilIdle() { queue.sync {} }

    /// Cancels the running job, if any.
    public func cancel() {
        shared.withLock { state in
            state.generation += 1
            state.running = nil
        }
    }

    /// Grids finished since the last call, oldest first.
    public func takeFinished() -> [(SurfaceGrid, SurfaceRefinement)] {
        shared.withLock { state in
            defer { state.finished.removeAll() }
            return state.finished
        }
    }

    private func isCurrent(_ generation: Int) -> Bool {
        shared.withLock { $0.generation == generation }
    }

    private func refine(_ request: SurfaceRequest, objective: any Objective, plane: SurfacePlane, generation: Int) {
        let passes = Self.blockSizes.count
        for (index, block) in Self.blockSizes.enumerated() {
            guard let grid = Self.sample(request, objective: objective, plane: plane, block: block,
                                         isCancelled: { !self.isCurrent(generation) }) else { return }
            let refinement = SurfaceRefinement(pass: index + 1, passes: passes)
            let published = shared.withLock { state -> Bool in
                guard state.generation == generation else { return false }
                state.finished.append((grid, refinement))
                if refinement.isFinal {
                    state.running = nil
                    state.cache.removeAll { $0.0 == request }
                    state.cache.append((request, grid))
                    if state.cache.count > Self.cacheCapacity { state.cache.removeFirst() }
                }
                return true
            }
            if !published { return }
        }
    }

    /// One pass: the loss at the centre of every `block × block` square of
    /// cells, repeated over the square. Nil if cancelled part-way.
    public static func sample(_ request: SurfaceRequest, objective: any Objective, plane: SurfacePlane, block: Int,
                       isCancelled: () -> Bool) -> SurfaceGrid? {
        let columns = request.columns, rows = request.rows
        var values = [Double](repeating: 0, count: columns * rows)
        for blockRow in stride(from: 0, to: rows, by: block) {
            if isCancelled() { return nil }
            let rowEnd = min(blockRow + block, rows)
            for blockColumn in stride(from: 0, to: columns, by: block) {
                let columnEnd = min(blockColumn + block, columns)
                // The centre of the block, in cell units.
                let centreColumn = Double(blockColumn + columnEnd) / 2
                let centreRow = Double(blockRow + rowEnd) / 2
                let u = request.region.horizontal.lowerBound + request.region.width * centreColumn / Double(columns)
                let v = request.region.vertical.upperBound - request.region.height * centreRow / Double(rows)
                let loss = objective.loss(at: plane.weights(at: PlanePoint(u: u, v: v)))
                for row in blockRow..<rowEnd {
                    for column in blockColumn..<columnEnd { values[row * columns + column] = loss }
                }
            }
        }
        return SurfaceGrid(region: request.region, columns: columns, rows: rows, values: values)
    }
}
