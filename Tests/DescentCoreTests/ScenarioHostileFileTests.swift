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
}
