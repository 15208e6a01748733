import DescentCore
import DescentUI
import Dispatch
import Testing

/// A loss whose evaluations wait at a gate the test opens, so a job can be
/// caught mid-way without any sleeping.
final class GatedObjective: Objective, @unchecked Sendable {
    let parameterNames = ["u", "v"]
    let sampleCount = 0
    let gate = DispatchSemaphore(value: 0)
    let isGated: Bool

    init(isGated: Bool) { self.isGated = isGated }

    func loss<E: ScalarEvaluator>(_ weights: [E.Value], batch: Batch, in e: inout E) -> E.Value {
        e.add(e.square(weights[0]), e.square(weights[1]))
    }

    func loss(at weights: [Double], batch: Batch) -> Double {
        if isGated {
            gate.wait()
            gate.signal()
        }
        return weights[0] * weights[0] + weights[1] * weights[1]
    }
}

@Suite struct `Surfaces are sampled off the input thread` {
    let region = ViewRegion(horizontal: -1...1, vertical: -2...2)
    let plane = SurfacePlane.identity(names: ["u", "v"])

    @Test func `passes arrive coarse to fine and the last equals a full sampling`() {
        let sampler = SurfaceSampler()
        let request = SurfaceRequest(region: region, columns: 21, rows: 11)
        let objective = GatedObjective(isGated: false)
        sampler.start(request, objective: objective, plane: plane)
        sampler.waitUntilIdle()
        let delivered = sampler.takeFinished()
        #expect(delivered.map(\.1.pass) == [1, 2, 3])
        #expect(delivered.allSatisfy { request.isSatisfied(by: $0.0) }, "every pass is a whole grid")
        let exact = SurfaceGrid.sample(objective, on: plane, over: region, columns: 21, rows: 11)
        #expect(delivered.last?.0 == exact)
        #expect(!sampler.isBusy)
    }

    @Test func `a coarse pass repeats one sample over each block`() throws {
        let request = SurfaceRequest(region: ViewRegion(horizontal: 0...2, vertical: 0...2), columns: 8, rows: 8)
        let grid = try #require(SurfaceSampler.sampleForTesting(request, block: 4))
        #expect(grid[0, 0] == grid[3, 3])
        #expect(grid[0, 0] != grid[4, 0])
    }

    @Test func `a new request cancels the running job, which publishes nothing more`() {
        let sampler = SurfaceSampler()
        let slow = GatedObjective(isGated: true)
        let first = SurfaceRequest(region: region, columns: 40, rows: 20)
        let second = SurfaceRequest(region: region, columns: 30, rows: 10)
        sampler.start(first, objective: slow, plane: plane)
        sampler.start(second, objective: GatedObjective(isGated: false), plane: plane)
        slow.gate.signal()
        sampler.waitUntilIdle()
        let delivered = sampler.takeFinished()
        #expect(!delivered.isEmpty)
        #expect(delivered.allSatisfy { second.isSatisfied(by: $0.0) }, "nothing of the cancelled job reaches the screen")
        #expect(delivered.last?.1.isFinal == true)
    }

    @Test func `a view seen before comes from the cache at once`() {
        let sampler = SurfaceSampler()
        let request = SurfaceRequest(region: region, columns: 12, rows: 6)
        sampler.start(request, objective: GatedObjective(isGated: false), plane: plane)
        sampler.waitUntilIdle()
        _ = sampler.takeFinished()
        sampler.start(SurfaceRequest(region: region, columns: 10, rows: 6), objective: GatedObjective(isGated: false),
                      plane: plane)
        sampler.waitUntilIdle()
        _ = sampler.takeFinished()
        // A gated objective would block forever if it were evaluated again.
        sampler.start(request, objective: GatedObjective(isGated: true), plane: plane)
        let delivered = sampler.takeFinished()
        #expect(delivered.count == 1 && delivered.first?.1 == .complete)
    }

    @Test func `the state drops a pass for a view no longer shown and shows refinement`() {
        var state = ExplorerState(scenario: .mseFit, size: TerminalSize(columns: 100, rows: 30))
        guard let request = state.surfaceRequest else {
            Issue.record("no request at 100×30")
            return
        }
        let coarse = SurfaceSampler.sampleForTesting(request, block: 4, objective: state.scenario.objective)
        state.apply(.surfaceSampled(coarse!, SurfaceRefinement(pass: 1, passes: 3)))
        #expect(state.needsSurface, "a coarse pass still needs refining")
        #expect(ExplorerRenderer.render(state).text.contains("refining surface 1/3"))
        state.apply(.resize(TerminalSize(columns: 120, rows: 40)))
        let stale = SurfaceSampler.sampleForTesting(request, block: 1, objective: state.scenario.objective)
        state.apply(.surfaceSampled(stale!, .complete))
        #expect(state.surface?.columns == request.columns, "the stale grid was not taken")
        #expect(state.needsSurface)
    }
}

extension SurfaceSampler {
    static func sampleForTesting(_ request: SurfaceRequest, block: Int,
                                 objective: any Objective = GatedObjective(isGated: false)) -> SurfaceGrid? {
        sample(request, objective: objective, plane: .identity(names: objective.parameterNames), block: block,
               isCancelled: { false })
    }
}
