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
    ///
    /// Squares are evaluated through the objective's grid path on both cores,
    /// a band of rows at a time so a cancelled job stops within one band.
    public static func sample(_ request: SurfaceRequest, objective: any Objective, plane: SurfacePlane, block: Int,
                              isCancelled: () -> Bool) -> SurfaceGrid? {
        let columns = request.columns, rows = request.rows
        let region = request.region
        let blockColumns = stride(from: 0, to: columns, by: block).map { ($0, min($0 + block, columns)) }
        let blockRows = stride(from: 0, to: rows, by: block).map { ($0, min($0 + block, rows)) }
        // The centre of each square, in plane coordinates (cell centres when block is 1).
        let us = blockColumns.map { region.horizontal.lowerBound + region.width * (Double($0.0 + $0.1) / 2) / Double(columns) }
        let vs = blockRows.map { region.vertical.upperBound - region.height * (Double($0.0 + $0.1) / 2) / Double(rows) }
        var squares: [Double] = []
        squares.reserveCapacity(us.count * vs.count)
        let band = max(1, 4096 / max(1, us.count))
        for first in stride(from: 0, to: vs.count, by: band) {
            if isCancelled() { return nil }
            let bandVs = Array(vs[first..<min(first + band, vs.count)])
            squares += SurfaceGrid.losses(objective, on: plane, us: us, vs: bandVs, batch: .full, parallelism: 2)
        }
        var values = [Double](repeating: 0, count: columns * rows)
        for (j, rowSpan) in blockRows.enumerated() {
            for (i, columnSpan) in blockColumns.enumerated() {
                let loss = squares[j * us.count + i]
                for row in rowSpan.0..<rowSpan.1 {
                    for column in columnSpan.0..<columnSpan.1 { values[row * columns + column] = loss }
                }
            }
        }
        return SurfaceGrid(region: region, columns: columns, rows: rows, values: values)
    }
}
