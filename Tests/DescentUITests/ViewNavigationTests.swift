import DescentCore
import DescentUI
import Testing
import TestSupport

@Suite struct `Pan and zoom re-sample the surface` {
    @Test func `arrows pan by a tenth of the view`() {
        var state = explorer()
        let before = state.region
        state.handle(.right)
        state.handle(.up)
        #expect(isClose(state.region.horizontal.lowerBound, before.horizontal.lowerBound + before.width / 10))
        #expect(isClose(state.region.vertical.upperBound, before.vertical.upperBound + before.height / 10))
        #expect(isClose(state.region.width, before.width))
    }

    @Test func `+ zooms in about the centre, - zooms out, 0 restores the scenario's view`() {
        var state = explorer()
        let before = state.region
        state.handle(.character("+"))
        #expect(isClose(state.region.width, before.width / 1.5))
        #expect(isClose(state.region.horizontal.lowerBound + state.region.width / 2,
                        before.horizontal.lowerBound + before.width / 2))
        state.handle(.character("-"))
        state.handle(.character("-"))
        #expect(isClose(state.region.width, before.width * 1.5))
        state.handle(.character("0"))
        #expect(state.region == before)
    }

    @Test func `a new view asks for a new surface, drawn once it is sampled`() {
        var state = explorer()
        state.sampleSurfaceNow()
        #expect(!state.needsSurface)
        state.handle(.character("+"))
        #expect(state.needsSurface)
        #expect(ExplorerRenderer.render(state).text.contains("sampling"))
        state.sampleSurfaceNow()
        #expect(state.surface?.region == state.region)
        #expect(ExplorerRenderer.render(state).text.contains("w -1 to 3"))
    }

    @Test func `f fits the view to the path and the minimum`() {
        var state = explorer()
        state.apply(.step(count: 40))
        state.handle(.character("f"))
        let plane = state.scenario.plane
        for record in state.run.history.records {
            #expect(state.region.contains(plane.projection(of: record.weights)))
        }
        #expect(state.region.width < state.scenario.region.width)
    }

    @Test func `zoom never collapses or overflows the view`() {
        var region = ViewRegion(horizontal: -1...1, vertical: -1...1)
        for _ in 0..<200 { region = region.zoomed(by: 0.5) }
        #expect(region.width >= 1e-9)
        for _ in 0..<400 { region = region.zoomed(by: 2) }
        #expect(region.width <= 1e9)
    }
}
