import DescentCore
import DescentUI
import Testing
import TestSupport

@Suite struct `The mouse on the map` {
    @Test func `a click starts every run afresh from the clicked point`() throws {
        var state = explorer()
        state.handle(.character("n"))
        let map = try #require(state.layout).surfaceMap
        state.handle(.mouse(MouseEvent(kind: .click, column: map.x + map.width / 4, row: map.y + map.height / 4)))
        #expect(state.run.stepCount == 0)
        let start = state.run.start
        // A quarter of the way from the left and from the top of the view.
        #expect(abs(start[0] - (state.region.horizontal.lowerBound + state.region.width / 4)) < state.region.width / 40)
        #expect(abs(start[1] - (state.region.vertical.upperBound - state.region.height / 4)) < state.region.height / 20)
        #expect(state.message?.hasPrefix("New start at w ") == true)
    }

    @Test func `the wheel zooms about the pointer, which stays where it was`() throws {
        var state = explorer()
        let map = try #require(state.layout).surfaceMap
        let column = map.x + 10, row = map.y + 5
        func planePoint(_ state: ExplorerState) -> (Double, Double) {
            (state.region.horizontal.lowerBound + state.region.width * (Double(column - map.x) + 0.5) / Double(map.width),
             state.region.vertical.upperBound - state.region.height * (Double(row - map.y) + 0.5) / Double(map.height))
        }
        let before = planePoint(state), width = state.region.width
        state.handle(.mouse(MouseEvent(kind: .wheelUp, column: column, row: row)))
        #expect(state.region.width < width)
        let after = planePoint(state)
        #expect(isClose(before.0, after.0, tolerance: 1e-12) && isClose(before.1, after.1, tolerance: 1e-12))
        state.handle(.mouse(MouseEvent(kind: .wheelDown, column: column, row: row)))
        #expect(isClose(state.region.width, width, tolerance: 1e-12))
    }

    @Test func `clicks outside the map, or over an overlay, do nothing`() {
        var state = explorer()
        state.handle(.character("n"))
        state.handle(.mouse(MouseEvent(kind: .click, column: 99, row: 5)))
        #expect(state.run.stepCount == 10)
        state.handle(.character("?"))
        state.handle(.mouse(MouseEvent(kind: .click, column: 5, row: 5)))
        #expect(state.run.stepCount == 10)
    }

    @Test func `mouse events can be scripted in --keys notation`() throws {
        #expect(try KeyNotation.parse("<click:12,7><wheelup:3,4>") ==
                [.mouse(MouseEvent(kind: .click, column: 12, row: 7)), .mouse(MouseEvent(kind: .wheelUp, column: 3, row: 4))])
        #expect(throws: KeyNotation.ParseError.self) { try KeyNotation.parse("<click:12>") }
    }
}
