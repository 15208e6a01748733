import DescentCore
import DescentUI
import Testing

@Suite struct `Opening scenarios from the explorer` {
    @Test func `s lists every preset, typing filters, enter opens`() {
        var state = explorer()
        state.handle(.character("s"))
        let listing = ExplorerRenderer.render(state).text
        #expect(listing.contains("open a scenario"))
        #expect(listing.contains("one-weight"))
        for character in "rav" { state.handle(.character(character)) }
        #expect(state.library.matching(state.picker?.filter ?? "").map(\.name) == ["ravine"])
        state.handle(.enter)
        #expect(state.picker == nil)
        #expect(state.scenario.name == "ravine")
        #expect(state.isRace, "the ravine races momentum 0 against 0.9")
    }

    @Test func `arrows move the selection and esc closes without opening`() {
        var state = explorer()
        state.handle(.character("s"))
        state.handle(.down)
        state.handle(.down)
        #expect(state.picker?.selection == 2)
        state.handle(.escape)
        #expect(state.picker == nil)
        #expect(state.scenario.name == "mse-fit")
    }

    @Test func `while the picker is open, keys type into its filter`() {
        var state = explorer()
        state.handle(.character("s"))
        state.handle(.character("q"))
        state.handle(.space)
        #expect(!state.isQuitting)
        #expect(state.run.stepCount == 0)
        #expect(state.picker?.filter == "q ")
    }

    @Test func `:open opens a preset by name, with did-you-mean for a typo`() {
        var state = explorer()
        state.handle(.character(":"))
        for character in "open himmelblau" { state.handle(.character(character)) }
        state.handle(.enter)
        #expect(state.scenario.name == "himmelblau")
        state.handle(.character(":"))
        for character in "open ravin" { state.handle(.character(character)) }
        state.handle(.enter)
        #expect(state.message == "No scenario named 'ravin' (did you mean ravine?); press s to pick one.")
    }

    @Test func `a person's own scenario comes first and can stand in for a preset`() throws {
        var own = Scenario.mseFit
        own.title = "my own fit"
        let library = ScenarioLibrary(userScenarios: [own])
        #expect(library.entries.first?.title == "my own fit")
        #expect(library.entries.filter { $0.name == "mse-fit" }.count == 1)
    }
}
