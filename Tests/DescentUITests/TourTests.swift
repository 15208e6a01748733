import DescentCore
import DescentUI
import Testing

@Suite struct `The guided tour in the explorer` {
    @Test func `T starts at the first stop with its caption and goal`() {
        var state = explorer()
        state.handle(.character("T"))
        #expect(state.tour?.index == 0)
        #expect(state.scenario.name == Tour.standard.stops[0].scenario)
        let text = ExplorerRenderer.render(state).text
        #expect(text.contains("Tour 1 of \(Tour.standard.count)"))
        #expect(text.contains("goal: "))
        #expect(text.contains("> next stop"))
    }

    @Test func `the goal is checked live and says when it is reached`() {
        var state = explorer()
        state.handle(.character("T"))
        for _ in 0..<3 { state.handle(.character("n")) }
        let text = ExplorerRenderer.render(state).text
        #expect(text.contains("✓"), "one-weight reaches w = 4 within its budget:\n\(text)")
        #expect(text.contains("(> next stop)"))
    }

    @Test func `> and < walk the stops in the seed's order, and the ends say so`() {
        var state = explorer()
        state.handle(.character("T"))
        var visited = [state.scenario.name]
        for _ in 1..<Tour.standard.count {
            state.handle(.character(">"))
            visited.append(state.scenario.name)
        }
        #expect(visited == Tour.standard.stops.map(\.scenario))
        state.handle(.character(">"))
        #expect(state.message?.contains("last stop") == true)
        state.handle(.character("<"))
        #expect(state.tour?.index == Tour.standard.count - 2)
    }

    @Test func `T again leaves the tour and keeps the scenario`() {
        var state = explorer()
        state.handle(.character("T"))
        state.handle(.character(">"))
        let name = state.scenario.name
        state.handle(.character("T"))
        #expect(state.tour == nil)
        #expect(state.scenario.name == name)
        #expect(!ExplorerRenderer.render(state).text.contains("Tour 2 of"))
    }

    @Test func `every stop renders at the smallest size`() {
        var state = explorer(size: ExplorerLayout.minimumSize)
        state.handle(.character("T"))
        for _ in 0..<Tour.standard.count {
            state.sampleSurfaceNow()
            let buffer = ExplorerRenderer.render(state)
            #expect(buffer.text.contains("Tour \(state.tour.map { $0.index + 1 } ?? 0) of"))
            #expect(buffer.lines.last?.contains("q quit") == true)
            state.handle(.character(">"))
        }
    }
}
