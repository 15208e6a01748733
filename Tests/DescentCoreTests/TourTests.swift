import DescentCore
import Testing

@Suite struct `The tour` {
    @Test func `it follows the seed's order, from guessing one weight to restarts`() {
        #expect(Tour.standard.stops.map(\.scenario) == [
            "one-weight", "mse-fit", "chain-rule", "lr-too-small", "lr-just-right", "lr-too-large", "lr-decay",
            "ravine", "batch-size", "local-minima",
        ])
        #expect(Array(Presets.names.prefix(Tour.standard.count)) == Tour.standard.stops.map(\.scenario),
                "descent list shows the tour's presets first, in its order")
    }

    @Test(arguments: Tour.standard.stops.indices)
    func `every stop loads its preset, which has a goal, and its caption fits two lines`(index: Int) throws {
        let tour = Tour.standard
        let scenario = try tour.scenario(at: index)
        #expect(scenario.name == tour.stops[index].scenario)
        #expect(scenario.goal != nil)
        #expect(tour.stops[index].caption.count <= Tour.maximumCaptionLength)
        #expect(!tour.stops[index].topic.isEmpty)
    }

    @Test func `headings count the stops, and moving stops at either end`() {
        let tour = Tour.standard
        #expect(tour.heading(at: 2) == "Tour 3 of 10 · The chain rule")
        #expect(tour.index(after: 0) == 1 && tour.index(after: 9) == nil)
        #expect(tour.index(before: 1) == 0 && tour.index(before: 0) == nil)
    }

    @Test func `the goal line says what the goal is and where the run stands`() throws {
        let scenario = try Tour.standard.scenario(at: 0)
        let goal = try #require(scenario.goal)
        var run = scenario.makeRun()
        var tracker = GoalTracker(goal)
        #expect(Tour.goalLine(for: goal, status: tracker.update(with: run))
                    == "goal: reach the global minimum (within 0.01) in 30 steps · 30 steps left")
        run.step(count: 20)
        #expect(Tour.goalLine(for: goal, status: tracker.update(with: run))
                    == "goal: reach the global minimum (within 0.01) in 30 steps · reached in 13 steps ✓")
    }

    @Test func `the best of a race's statuses is the earliest reached, else the most time left`() {
        #expect(GoalStatus.best([.missed(steps: 9), .reached(step: 40), .pending(stepsLeft: 3), .reached(step: 12)])
                    == .reached(step: 12))
        #expect(GoalStatus.best([.diverged(step: 4), .pending(stepsLeft: 3), .pending(stepsLeft: 8)])
                    == .pending(stepsLeft: 8))
        #expect(GoalStatus.best([.diverged(step: 4), .missed(steps: 9)]) == .diverged(step: 4))
        #expect(GoalStatus.best([]) == nil)
    }
}
