import DescentCore
import Testing

/// Scenario files written to break descent: each is a `ScenarioError`
/// naming the file, the line:column and the JSON path, never a trap.
@Suite struct `Hostile scenario files` {
    func file(view: String) -> String {
        """
        {
          "title": "t", "lesson": "l",
          "model": { "expression": "a^2 + b^2" },
          "view": \(view),
          "start": { "a": 1, "b": 1 }
        }
        """
    }

    @Test(arguments: [
        (#"{ "a": [-1e308, 1e308], "b": [-3, 3] }"#, "test.json:4:18: view.a: [-1e308, 1e308] is not a usable range"),
        (#"{ "a": [-3, 3], "b": [1, 1.0000000000001] }"#,
         "test.json:4:32: view.b: [1, 1.0000000000001] is not a usable range"),
    ])
    func `a view too wide or too narrow for doubles is refused`(view: String, message: String) {
        let error = scenarioError(file(view: view))
        #expect(error?.hasPrefix(message) == true, "\(error ?? "loaded")")
    }

    @Test func `a network too heavy to step and draw live is refused, naming its cost`() {
        let file = """
            {
              "title": "t", "lesson": "l",
              "model": { "type": "mlp", "hidden": [64, 64], "loss": "binary-cross-entropy",
                         "data": { "generate": "xor", "count": 100000 } },
              "view": { "plane": "random", "u": [-1, 1], "v": [-1, 1] },
              "start": { "seed": 1 },
              "optimizer": { "name": "adam", "learningRate": 0.01 }
            }
            """
        let error = scenarioError(file)
        #expect(error == "test.json:3:39: model.hidden: 100000 samples through 4417 weights is 441700000 multiply-adds "
            + "a loss, more than the 2000000 that keep stepping and the surface live (use fewer samples or smaller "
            + "hidden layers)", "\(error ?? "loaded")")
        #expect(scenarioError(file.replacingOccurrences(of: "100000", with: "400")) == nil)
    }
}
