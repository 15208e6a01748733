import Foundation
import DescentCore
import Testing
import TestSupport

/// Loads `text` as the file `file`, reading referenced files from `files`.
func loadScenario(_ text: String, file: String = "test.json", files: [String: String] = [:]) throws(ScenarioError) -> Scenario {
    try ScenarioLoader.load(text, file: file) { path throws(FileReadError) in
        guard let contents = files[path] else { throw FileReadError("no such file") }
        return contents
    }
}

/// The error `text` gives, as printed, or nil when it loads.
func scenarioError(_ text: String, file: String = "test.json", files: [String: String] = [:]) -> String? {
    do {
        _ = try loadScenario(text, file: file, files: files)
        return nil
    } catch {
        return error.description
    }
}

@Suite struct `Scenario files` {
    let fit = """
    {
      "title": "Fit a line",
      "lesson": "Watch descent find the least-squares line.",
      "model": { "type": "linear-regression", "data": { "points": [[0, 1], [1, 3], [2, 5]] } },
      "view": { "w": [-1, 4], "b": [-2, 3] },
      "start": { "w": -0.5, "b": 2 },
      "optimizer": { "name": "sgd", "learningRate": 0.1, "momentum": 0.5 },
      "goal": { "reach": "global", "within": 0.01, "steps": 200 }
    }
    """

    /// `fit` with `old` replaced by `new` (exactly once).
    func fit(replacing old: String, with new: String) -> String {
        precondition(fit.contains(old), "the test's base file has no \(old)")
        return fit.replacingOccurrences(of: old, with: new)
    }

    @Test func `a complete file becomes the scenario it describes`() throws {
        let scenario = try loadScenario(fit, file: "lessons/fit.json")
        #expect(scenario.name == "fit" && scenario.title == "Fit a line")
        #expect(scenario.lesson == "Watch descent find the least-squares line.")
        let model = try #require(scenario.objective as? LinearRegression)
        #expect(model.data.features == [0, 1, 2] && model.data.targets == [1, 3, 5])
        #expect(model.lossFunction == .meanSquaredError)
        #expect(scenario.plane == .identity(names: ["w", "b"]))
        #expect(scenario.region == ViewRegion(horizontal: -1...4, vertical: -2...3))
        #expect(scenario.start == [-0.5, 2])
        #expect(scenario.optimizer == Optimizer(.sgd, Hyperparameters(learningRate: 0.1, momentum: 0.5)))
        let minimum = try #require(scenario.globalMinimum)
        #expect(isClose(minimum.point[0], 2) && isClose(minimum.point[1], 1))
        #expect(scenario.goal == Goal(.reach(point: minimum.point, within: 0.01), steps: 200,
                                      targetName: "the global minimum"))
    }

    @Test func `optional parts take their documented defaults`() throws {
        let text = """
        {"title": "t", "lesson": "l", "model": {"type": "one-weight", "data": {"points": [[3, 12]]}},
         "view": {"w": [0, 8]}, "start": {"w": 1}, "optimizer": {"name": "adam"}}
        """
        let scenario = try loadScenario(text)
        #expect(scenario.optimizer == Optimizer(.adam, Hyperparameters(learningRate: 0.001)))
        #expect(scenario.plane.isLine && scenario.region.horizontal == 0...8)
        #expect(scenario.goal == nil && scenario.race.isEmpty)
        #expect(scenario.minima.map(\.point) == [[4]])
    }

    @Test(arguments: [
        (#""optimizer": { "name": "sgd", "learningRate": 0.1, "momentum": 0.5 }"#,
         #""optimizer": { "name": "sgd", "learningRate": -0.1 }"#,
         "test.json:7:49: optimizer.learningRate: must be > 0, got -0.1"),
        (#""learningRate": 0.1"#, #""learningrate": 0.1"#,
         "test.json:7:33: optimizer.learningrate: unknown key (did you mean 'learningRate'?); the sgd optimizer takes name, learningRate, momentum"),
        (#""momentum": 0.5"#, #""beta1": 0.5"#,
         "test.json:7:54: optimizer.beta1: sgd has no beta1 (adam has); sgd takes name, learningRate, momentum"),
        (#""momentum": 0.5"#, #""momentum": 1"#,
         "test.json:7:66: optimizer.momentum: must be ≥ 0 and < 1, got 1"),
        (#""name": "sgd""#, #""name": "sdg""#,
         "test.json:7:26: optimizer.name: unknown value 'sdg' (did you mean 'sgd'?); expected one of sgd, momentum, nesterov, adagrad, rmsprop, adam"),
        (#""title": "Fit a line","#, #""titel": "Fit a line","#,
         "test.json:2:3: titel: unknown key (did you mean 'title'?); a scenario takes $schema, title, lesson, model, view, start, optimizer, schedule, clipping, batch, seed, goal, race, restarts, minima"),
        (#""lesson": "Watch descent find the least-squares line.","#, "",
         "test.json:1:1: lesson: missing; every scenario needs a lesson: what to try and what to notice"),
        (#""lesson": "Watch descent find the least-squares line.""#, #""lesson": 7"#,
         "test.json:3:13: lesson: expected a string, got a number"),
        (#""lesson": "Watch descent find the least-squares line.""#, #""lesson": "  ""#,
         "test.json:3:13: lesson: must not be empty"),
        (#""type": "linear-regression""#, #""type": "linear""#,
         "test.json:4:22: model.type: unknown value 'linear'; expected one of one-weight, linear-regression, neuron, mlp"),
        (#""type": "linear-regression","#, "",
         "test.json:4:12: model: expected a model: {\"expression\": \"a^2 + b^2\"}, {\"function\": \"rosenbrock\"} or {\"type\": \"linear-regression\", \"data\": {…}} (types: one-weight, linear-regression, neuron, mlp)"),
        (#""data": { "points""#, #""activation": "tanh", "data": { "points""#,
         "test.json:4:43: model.activation: unknown key; a linear-regression model takes type, data, loss"),
        (#"[[0, 1], [1, 3], [2, 5]]"#, #"[[0, 1], [1, 3, 4], [2, 5]]"#,
         "test.json:4:72: model.data.points[1]: expected 2 numbers like the first row, got 3"),
        (#"[[0, 1], [1, 3], [2, 5]]"#, #"[[0, 1, 2], [1, 3, 4]]"#,
         "test.json:4:51: model.data: linear regression (prediction = w·x + b) takes one input per sample, but this data has 2 (x1, x2)"),
        (#"[[0, 1], [1, 3], [2, 5]]"#, "[]",
         "test.json:4:63: model.data.points: must hold at least one [x, y] row"),
        (#"{ "points": [[0, 1], [1, 3], [2, 5]] }"#, #"{ "points": [[0, 1]], "csv": "x.csv" }"#,
         "test.json:4:51: model.data: give one source of data, not points and csv"),
        (#""view": { "w": [-1, 4], "b": [-2, 3] }"#, #""view": { "w": [4, -1], "b": [-2, 3] }"#,
         "test.json:5:18: view.w: the lower end must be below the upper end, got [4, -1]"),
        (#""view": { "w": [-1, 4], "b": [-2, 3] }"#, #""view": { "w": [-1, 4] }"#,
         "test.json:5:11: view.b: missing; the view needs a [lower, upper] range for every weight: w, b"),
        (#""view": { "w": [-1, 4], "b": [-2, 3] }"#, #""view": { "w": [-1, 4], "b": [-2, 3], "c": [0, 1] }"#,
         "test.json:5:41: view.c: unknown key; the view takes plane, w, b"),
        (#""start": { "w": -0.5, "b": 2 }"#, #""start": { "w": -3, "b": 2 }"#,
         "test.json:6:19: start.w: -3 lies outside the view's w range [-1, 4]; move the start or widen the view"),
        (#""start": { "w": -0.5, "b": 2 }"#, #""start": { "w": -0.5, "bias": 2 }"#,
         "test.json:6:25: start.bias: unknown key; the start takes w, b"),
        (#""goal": { "reach": "global", "within": 0.01, "steps": 200 }"#, #""goal": { "within": 0.01, "steps": 200 }"#,
         "test.json:8:11: goal: expected one condition: reach (a point, or \"global\"), loss (a value to get below) or diverge (true)"),
        (#""goal": { "reach": "global", "within": 0.01, "steps": 200 }"#, #""goal": { "reach": "global", "within": 0.01, "steps": 2.5 }"#,
         "test.json:8:57: goal.steps: must be a whole number from 1 to 100000000, got 2.5"),
        (#""goal": { "reach": "global", "within": 0.01, "steps": 200 }"#, #""goal": { "loss": 0.1, "within": 0.01, "steps": 200 }"#,
         "test.json:8:36: goal.within: within goes with reach (how close counts as there); a loss goal takes none"),
        (#""goal": { "reach": "global", "within": 0.01, "steps": 200 }"#, #""goal": { "diverge": false, "steps": 20 }"#,
         "test.json:8:24: goal.diverge: takes only true (the goal is to see it diverge)"),
        (#""goal": { "reach": "global", "within": 0.01, "steps": 200 }"#, #""goal": { "reach": "globl", "within": 0.01, "steps": 200 }"#,
         "test.json:8:22: goal.reach: unknown value 'globl' (did you mean 'global'?); expected one of global"),
        (#""goal": { "reach": "global", "within": 0.01, "steps": 200 }"#, #""goal": { "reach": {"w": 1}, "within": 0.01, "steps": 200 }"#,
         "test.json:8:22: goal.reach.b: missing; the point to reach needs a value for every weight: w, b"),
        (#""goal": { "reach": "global", "within": 0.01, "steps": 200 }"#, #""race": [{ "name": "sgd" }]"#,
         "test.json:8:11: race: a race needs from 2 to 5 optimizers, got 1"),
        (#""goal": { "reach": "global", "within": 0.01, "steps": 200 }"#, #""race": [{ "name": "sgd" }, { "name": "adam", "momentum": 0.9 }]"#,
         "test.json:8:49: race[1].momentum: adam has no momentum (sgd has); adam takes name, learningRate, beta1, beta2, epsilon, batch"),
        ("}\n}", "}\n},",
         "test.json:9:2: unexpected ',' after the end of the JSON value; a JSON text holds exactly one value"),
    ])
    func `each mistake names the file, the place, the path, what is wrong and what is allowed`(
        old: String, new: String, expected: String
    ) {
        #expect(scenarioError(fit(replacing: old, with: new)) == expected, "replacing \(old) with \(new)")
    }

    @Test func `cross-entropy needs labels, in points and in generated sets`() {
        let points = """
        {"title": "t", "lesson": "l",
         "model": {"type": "neuron", "loss": "binary-cross-entropy", "data": {"points": [[0, 0], [1, 2]]}},
         "view": {"w": [-1, 1], "b": [-1, 1]}, "start": {"w": 0, "b": 0}, "optimizer": {"name": "sgd"}}
        """
        #expect(scenarioError(points) == "test.json:2:94: model.data.points[1][1]: 2 is not a valid target for "
                    + "binary cross-entropy; it needs targets in [0, 1] (labels 0 and 1)")
        let generated = points.replacingOccurrences(of: #"{"points": [[0, 0], [1, 2]]}"#,
                                                    with: #"{"generate": "noisy-line", "seed": 1}"#)
        #expect(scenarioError(generated)?.hasPrefix("test.json:2:70: model.data: the noisy-line set's targets do not "
                                                         + "suit binary cross-entropy: sample 0's target is ") == true)
        let relu = points.replacingOccurrences(of: #""type": "neuron","#, with: #""type": "neuron", "activation": "relu","#)
        #expect(scenarioError(relu) == "test.json:2:44: model.activation: a ReLU output is no probability, so it cannot "
                    + "go with binary cross-entropy; use sigmoid or tanh")
    }

    @Test func `generated data takes its generator's parameters and nothing else`() throws {
        let text = """
        {"title": "t", "lesson": "l",
         "model": {"type": "linear-regression", "data": {"generate": "noisy-line", "count": 30, "slope": -1, "seed": 9}},
         "view": {"w": [-3, 3], "b": [-3, 3]}, "start": {"w": 0, "b": 0}, "optimizer": {"name": "sgd"}}
        """
        let model = try #require(try loadScenario(text).objective as? LinearRegression)
        #expect(model.data == Dataset.noisyLine(count: 30, slope: -1, seed: 9))
        let wrong = text.replacingOccurrences(of: #""slope": -1"#, with: #""spread": 1"#)
        #expect(scenarioError(wrong) == "test.json:2:89: model.data.spread: unknown key; the noisy-line generator takes "
                    + "generate, seed, count, slope, intercept, noise, inputs")
        let tooMany = text.replacingOccurrences(of: #""count": 30"#, with: #""count": 1000001"#)
        #expect(scenarioError(tooMany) == "test.json:2:85: model.data.count: must be a whole number from 1 to 100000, got 1000001")
    }

    @Test func `a CSV path is relative to the scenario file, and its errors follow the scenario's`() throws {
        let text = """
        {"title": "t", "lesson": "l",
         "model": {"type": "linear-regression", "data": {"csv": "data/points.csv", "target": "y"}},
         "view": {"w": [-3, 3], "b": [-3, 3]}, "start": {"w": 0, "b": 0}, "optimizer": {"name": "sgd"}}
        """
        let good = try loadScenario(text, file: "mine/fit.json", files: ["mine/data/points.csv": "x,y\n1,2\n3,4\n"])
        #expect((good.objective as? LinearRegression)?.data.targets == [2, 4])
        #expect(scenarioError(text, file: "mine/fit.json") == "mine/fit.json:2:57: model.data.csv: cannot read "
                    + "'mine/data/points.csv': no such file")
        #expect(scenarioError(text, file: "mine/fit.json", files: ["mine/data/points.csv": "x,y\n1,2\n3,abc\n"])
                    == "mine/fit.json:2:57: model.data.csv: mine/data/points.csv:3:2: 'abc' is not a number")
        #expect(scenarioError(text, file: "/abs/fit.json", files: ["/abs/data/points.csv": "x,z\n1,2\n"])
                    == "/abs/fit.json:2:57: model.data.csv: /abs/data/points.csv:1: no column named 'y' (did you mean 'x'?); the columns are 'x', 'z'")
    }

    @Test func `listed minima are marked, global ones first, with their loss`() throws {
        let text = fit(replacing: #""goal": { "reach": "global", "within": 0.01, "steps": 200 }"#, with: """
        "minima": [{"at": {"w": 0, "b": 0}, "label": "origin"}, {"at": {"w": 1, "b": 1}, "global": true}]
        """)
        let scenario = try loadScenario(text)
        #expect(scenario.minima.map(\.label) == ["least squares", nil, "origin"])
        #expect(scenario.minima[2].loss == (1 + 9 + 25) / 3.0)
    }

    @Test func `syntax errors carry the file and the line and column`() {
        #expect(scenarioError("{\n  \"title\": \"x\",\n}", file: "a.json")
                    == "a.json:3:1: a comma before '}'; JSON allows no comma after the last member")
        #expect(scenarioError("[1, 2]", file: "a.json") == "a.json:1:1: (top level): expected an object, got an array")
        let deep = String(repeating: "[", count: 100_000)
        #expect(scenarioError(deep, file: "a.json")?.hasPrefix("a.json:1:65: arrays and objects nested more than") == true)
    }

    @Test func `mangled files give errors, never crashes`() {
        var generator = SeededGenerator(seed: 5)
        let characters = Array(fit)
        let noise = Array("{}[]\":,-0.5e9 \nabx")
        for _ in 0..<1_000 {
            var mangled = characters
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let index = Int.random(in: 0..<mangled.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: mangled.remove(at: index)
                case 1: mangled.insert(noise[Int.random(in: 0..<noise.count, using: &generator)], at: index)
                default: mangled[index] = noise[Int.random(in: 0..<noise.count, using: &generator)]
                }
            }
            _ = scenarioError(String(mangled))
        }
    }

    @Test func `training settings: schedule, clipping, batch, seed, a race with batch sizes, restarts`() throws {
        let text = """
        {"title": "t", "lesson": "l",
         "model": {"type": "linear-regression", "data": {"generate": "noisy-line", "count": 40, "seed": 2}},
         "view": {"w": [-3, 3], "b": [-3, 3]}, "start": {"w": 0, "b": 0}, "optimizer": {"name": "sgd"},
         "schedule": {"name": "step", "every": 10, "factor": 0.5}, "clipping": {"maxNorm": 2}, "batch": 8, "seed": 18446744073709551615,
         "race": [{"name": "sgd", "batch": "full"}, {"name": "sgd", "batch": 4}, {"name": "sgd", "batch": "stochastic"}, {"name": "sgd"}],
         "restarts": {"count": 20, "steps": 300}}
        """
        let scenario = try loadScenario(text)
        #expect(scenario.training.schedule == .step(every: 10, factor: 0.5))
        #expect(scenario.training.gradientClipping == 2 && scenario.training.batchSize == .minibatch(8))
        #expect(scenario.training.seed == UInt64.max)
        #expect(scenario.raceBatchSizes == [.full, .minibatch(4), .stochastic, nil])
        #expect(scenario.raceLabels == ["full batch", "batch 4", "stochastic", "batch 8"])
        #expect(scenario.makeRuns().map(\.batchSize) == [.full, .minibatch(4), .stochastic, .minibatch(8)])
        #expect(scenario.restarts == RestartSettings(count: 20, steps: 300, tolerance: 0.01))
        let notation = try loadScenario(text.replacingOccurrences(of: #"{"name": "step", "every": 10, "factor": 0.5}"#,
                                                                  with: #""exponential:0.9""#))
        #expect(notation.training.schedule == .exponential(factor: 0.9))

        let errors = [
            (#""batch": 8"#, #""batch": 41"#, "test.json:4:97: batch: must be a whole number from 1 to 40, got 41"),
            (#""batch": 8"#, #""batch": "mini""#, "test.json:4:97: batch: unknown value 'mini'; expected one of full, stochastic"),
            (#""factor": 0.5"#, #""factor": 2"#, "test.json:4:54: schedule.factor: must be > 0 and ≤ 1, got 2"),
            (#""every": 10, "#, "", "test.json:4:14: schedule.every: missing; the number of steps between decays"),
            (#"{"name": "step", "every": 10, "factor": 0.5}"#, #""step:0:0.5""#,
             "test.json:4:14: schedule: step:0:0.5: the step interval must be a whole number ≥ 1, got '0'"),
            (#""seed": 18446744073709551615"#, #""seed": -1"#,
             "test.json:4:108: seed: must be a whole number from 0 to 18446744073709551615 written in digits, got -1"),
            (#""maxNorm": 2"#, #""maxnorm": 2"#,
             "test.json:4:73: clipping.maxnorm: unknown key (did you mean 'maxNorm'?); clipping takes maxNorm"),
            (#""count": 20"#, #""count": 0"#, "test.json:6:24: restarts.count: must be a whole number from 1 to 1000, got 0"),
        ]
        for (old, new, expected) in errors {
            #expect(scenarioError(text.replacingOccurrences(of: old, with: new)) == expected, "replacing \(old) with \(new)")
        }
    }

    @Test func `a network shows a random plane or a slice through its start`() throws {
        let text = """
        {"title": "t", "lesson": "l",
         "model": {"type": "mlp", "hidden": [3], "loss": "bce", "data": {"generate": "xor", "count": 20, "seed": 1}},
         "view": {"plane": "random", "seed": 4, "u": [-1, 1], "v": [-1, 1]}, "start": {"seed": 7}, "optimizer": {"name": "adam"}}
        """
        let scenario = try loadScenario(text)
        let network = try #require(scenario.objective as? MultilayerPerceptron)
        #expect(network.layerSizes == [2, 3, 1] && network.activation == .tanh && network.lossFunction == .binaryCrossEntropy)
        #expect(scenario.start == network.initialWeights(seed: 7))
        #expect(scenario.plane == SurfacePlane.filterNormalised(of: network, through: scenario.start, seed: 4))

        let slice = try loadScenario(text.replacingOccurrences(
            of: #"{"plane": "random", "seed": 4, "u": [-1, 1], "v": [-1, 1]}"#,
            with: #"{"plane": "slice", "c2[0]": [-2, 2], "A1[0][1]": [-3, 3]}"#))
        #expect(slice.plane == SurfacePlane.slice(of: network, through: slice.start, free: "A1[0][1]", "c2[0]"))
        #expect(slice.region == ViewRegion(horizontal: -3...3, vertical: -2...2))

        let errors = [
            (#"{"plane": "random", "seed": 4, "u": [-1, 1], "v": [-1, 1]}"#, #"{"u": [-1, 1]}"#,
             #"test.json:3:10: view: this model has 13 weights, more than a plane shows; choose one: {"plane": "random", "u": [-1, 1], "v": [-1, 1]} or {"plane": "slice", "A1[0][0]": [-2, 2], "c2[0]": [-2, 2]}"#),
            (#""u": [-1, 1]"#, #""u": [0.5, 1]"#,
             "test.json:3:46: view.u: the plane passes through the start at u = v = 0, which must be in view; got [0.5, 1]"),
            (#""plane": "random""#, #""plane": "weights""#,
             "test.json:3:20: view.plane: the weights themselves can be shown for one or two; this model has 13: use slice or random"),
            (#"{"plane": "random", "seed": 4, "u": [-1, 1], "v": [-1, 1]}"#, #"{"plane": "slice", "c2[0]": [-2, 2]}"#,
             "test.json:3:10: view: a slice shows exactly two weights; give the [lower, upper] ranges of two of A1[0][0], A1[0][1], A1[1][0], …, c2[0] (13 weights), got 1"),
            (#""start": {"seed": 7}"#, #""start": {"sed": 7}"#,
             "test.json:3:80: start.sed: unknown key; the start takes A1[0][0], A1[0][1], A1[1][0], …, c2[0] (13 weights)"),
            (#""hidden": [3]"#, #""hidden": [65]"#, "test.json:2:38: model.hidden[0]: must be a whole number from 1 to 64, got 65"),
        ]
        for (old, new, expected) in errors {
            #expect(scenarioError(text.replacingOccurrences(of: old, with: new)) == expected, "replacing \(old) with \(new)")
        }
    }

    @Test func `an expression is one string or its lines, with its weights in order of appearance or as named`() throws {
        let text = """
        {"title": "t", "lesson": "l",
         "model": {"expression": ["c = a + b", "d = b + 1", "f = c * d + 0.1 * (a^2 + b^2)"]},
         "view": {"a": [-3, 3], "b": [-3, 3]}, "start": {"a": 2, "b": 1}, "optimizer": {"name": "sgd"}}
        """
        let scenario = try loadScenario(text)
        let objective = try #require(scenario.objective as? ExpressionObjective)
        #expect(objective.parameterNames == ["a", "b"] && objective.source == "c = a + b\nd = b + 1\nf = c * d + 0.1 * (a^2 + b^2)")
        #expect(objective.loss(at: [2, 1]) == 6 + 0.5)
        let named = try loadScenario(text.replacingOccurrences(of: #"0.1 * (a^2 + b^2)"]}"#,
                                                               with: #"0.1 * (a^2 + b^2)"], "weights": ["b", "a"]}"#)
                                         .replacingOccurrences(of: #""view": {"a": [-3, 3], "b": [-3, 3]}"#,
                                                               with: #""view": {"a": [-3, 3], "b": [-2, 2]}"#))
        #expect(named.objective.parameterNames == ["b", "a"] && named.start == [1, 2])
        #expect(named.region == ViewRegion(horizontal: -2...2, vertical: -3...3))

        let errors = [
            (#""f = c * d + 0.1 * (a^2 + b^2)""#, #""f = c * * d""#,
             "test.json:2:53: model.expression[2]: 3:9: expected a number or a name after '*'\n  f = c * * d\n          ^"),
            (#""start": {"a": 2, "b": 1}, "optimizer": {"name": "sgd"}"#,
             #""start": {"a": 2, "b": 1}, "optimizer": {"name": "sgd"}, "batch": 4"#,
             "test.json:3:106: batch: this loss has no data to take batches of; use \"full\" or leave batch out"),
            (#"]}"#, #"], "function": "beale"}"#,
             "test.json:2:11: model: give one kind of model, not expression and function"),
        ]
        for (old, new, expected) in errors {
            #expect(scenarioError(text.replacingOccurrences(of: old, with: new)) == expected, "replacing \(old) with \(new)")
        }
    }

    @Test func `a classic function brings its minima, and its view and start unless the file gives them`() throws {
        let text = """
        {"title": "t", "lesson": "l", "model": {"function": "himmelblau"}, "optimizer": {"name": "sgd", "learningRate": 0.01}}
        """
        let scenario = try loadScenario(text)
        let himmelblau = try #require(ClassicFunction.named("himmelblau"))
        #expect(scenario.minima == himmelblau.minima && scenario.region == himmelblau.region)
        #expect(scenario.start == himmelblau.start && scenario.plane == .identity(names: ["a", "b"]))
        let moved = try loadScenario(text.replacingOccurrences(of: #""optimizer""#, with: #""start": {"a": 0, "b": 0}, "optimizer""#))
        #expect(moved.start == [0, 0] && moved.region == himmelblau.region)
        #expect(scenarioError(text.replacingOccurrences(of: "himmelblau", with: "himelblau"))
                    == "test.json:1:53: model.function: unknown value 'himelblau' (did you mean 'himmelblau'?); expected one of "
                    + ClassicFunction.all.map(\.name).joined(separator: ", "))
        #expect(scenarioError(text.replacingOccurrences(of: #""optimizer""#, with: #""start": {"a": 9, "b": 0}, "optimizer""#))
                    == "test.json:1:77: start: lies outside the function's own view (a [-5, 5], b [-5, 5]); give a view that holds it")
    }
}
