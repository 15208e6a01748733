import DescentCore
import Testing

@Suite struct `A slice trains only its two free weights` {
    let text = """
    {
      "title": "A slice", "lesson": "Two weights of a network, the rest fixed.",
      "model": { "type": "mlp", "hidden": [3], "activation": "tanh",
                 "data": { "generate": "sine", "count": 30, "seed": 1 } },
      "view": { "plane": "slice", "A1[0][0]": [-3, 3], "c2[0]": [-2, 2] },
      "start": { "seed": 4 },
      "optimizer": { "name": "adam", "learningRate": 0.05 }
    }
    """

    @Test func `every other weight stays at its start, so the path lies on the surface shown`() throws {
        let scenario = try ScenarioLoader.load(text, file: "slice.json", name: "slice", readFile: Presets.fileReader)
        var run = scenario.makeRun()
        run.step(count: 60)
        let names = scenario.objective.parameterNames
        let free = [names.firstIndex(of: "A1[0][0]"), names.firstIndex(of: "c2[0]")].compactMap { $0 }
        #expect(free.count == 2)
        for index in names.indices where !free.contains(index) {
            #expect(run.weights[index] == scenario.start[index], "\(names[index]) moved")
            #expect(run.current.gradient[index] == 0)
        }
        #expect(free.allSatisfy { run.weights[$0] != scenario.start[$0] }, "the free weights move")
        let onPlane = scenario.plane.weights(at: scenario.plane.projection(of: run.weights))
        #expect(zip(onPlane, run.weights).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func `a frozen weight survives a change of optimizer and a rewind`() throws {
        var scenario = try ScenarioLoader.load(text, file: "slice.json", name: "slice", readFile: Presets.fileReader)
        scenario.training.optimizer = .sgd
        var run = scenario.makeRun()
        run.step(count: 10)
        run.optimizer.kind = .rmsprop
        run.step(count: 10)
        run.rewind(steps: 5)
        run.step(count: 5)
        #expect(run.frozenWeights.allSatisfy { run.weights[$0] == scenario.start[$0] })
    }
}
