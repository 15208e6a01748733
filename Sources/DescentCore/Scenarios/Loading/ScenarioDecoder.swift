/// Turns a parsed scenario file into a `Scenario`, one part at a time
/// (model, start, view, optimizer, goal, …; see the extensions).
struct ScenarioDecoder {
    let file: String
    let readFile: ScenarioFileReader

    func scenario(from field: JSONField, name: String) throws(ScenarioError) -> Scenario {
        let object = try field.object(allowing: ScenarioFormat.scenario, what: "a scenario")
        if let schema = object.optional("$schema") { _ = try schema.string() }
        let title = try object.required("title", "every scenario needs a title: a few words naming it").nonEmptyString()
        let lesson = try object.required("lesson", "every scenario needs a lesson: what to try and what to notice")
            .nonEmptyString()
        let model = try self.model(from: object.required("model", "every scenario needs a model: the loss to descend"))
        let names = model.objective.parameterNames
        let start: [Double]
        if let field = object.optional("start") {
            start = try self.start(from: field, model: model)
        } else if let defaultStart = model.defaultStart {
            start = defaultStart
        } else {
            throw object.missing("start", "the weights descent starts from: " + Self.example(names))
        }
        let view: DecodedView
        if let field = object.optional("view") {
            view = try self.view(from: field, model: model, start: start, startField: object.optional("start"))
        } else if let region = model.defaultRegion {
            if !region.contains(PlanePoint(u: start[0], v: start[1])), let startField = object.optional("start") {
                throw startField.error("lies outside the function's own view (\(names[0]) "
                                           + Self.range(region.horizontal) + ", \(names[1]) " + Self.range(region.vertical)
                                           + "); give a view that holds it")
            }
            view = DecodedView(plane: .identity(names: names), region: region)
        } else {
            throw object.missing("view", "the part of the plane to show, a [lower, upper] range per weight: "
                                     + Self.exampleView(names))
        }
        let sampleCount = model.objective.sampleCount
        let race = try object.optional("race").map { field throws(ScenarioError) in
            try self.race(from: field, sampleCount: sampleCount)
        } ?? []
        // A race's first entry stands in for a missing optimizer.
        let optimizer: Optimizer
        if let field = object.optional("optimizer") {
            optimizer = try self.optimizer(from: field)
        } else if let first = race.first {
            optimizer = first.optimizer
        } else {
            throw object.missing("optimizer", "the update rule and its hyperparameters, such as "
                                     + "{\"name\": \"sgd\", \"learningRate\": 0.1}")
        }
        var training = TrainingSettings(optimizer)
        training.frozenWeights = view.frozenWeights
        if let field = object.optional("schedule") { training.schedule = try schedule(from: field) }
        if let field = object.optional("clipping") { training.gradientClipping = try clipping(from: field) }
        if let field = object.optional("batch") { training.batchSize = try batchSize(from: field, sampleCount: sampleCount) }
        if let field = object.optional("seed") { training.seed = try field.seed() }
        let restarts = try object.optional("restarts").map { field throws(ScenarioError) in try self.restarts(from: field) }
        var minima = model.minima
        if let listed = object.optional("minima") { minima += try self.minima(from: listed, objective: model.objective) }
        let goal = try object.optional("goal").map { field throws(ScenarioError) in
            try self.goal(from: field, names: names, minima: minima)
        }
        var scenario = Scenario(name: name, title: title, lesson: lesson, objective: model.objective,
                                plane: view.plane, region: view.region, start: start, training: training,
                                minima: minima, race: race.map(\.optimizer))
        scenario.raceBatchSizes = race.map(\.batchSize)
        scenario.goal = goal
        scenario.restarts = restarts
        return scenario
    }

    /// `{"a": 0, "b": 0}` for the weights `names`.
    static func example(_ names: [String]) -> String {
        "{" + names.prefix(3).map { "\"\($0)\": 0" }.joined(separator: ", ") + (names.count > 3 ? ", …" : "") + "}"
    }

    /// `{"a": [-1, 1], "b": [-1, 1]}` for the weights `names`.
    static func exampleView(_ names: [String]) -> String {
        "{" + names.prefix(2).map { "\"\($0)\": [-1, 1]" }.joined(separator: ", ") + "}"
    }

    /// `[-2, 2]`.
    static func range(_ range: ClosedRange<Double>) -> String {
        "[\(Goal.number(range.lowerBound)), \(Goal.number(range.upperBound))]"
    }

    /// `a, b` or `w`; a long list shortened to its ends
    /// (`A1[0][0], A1[0][1], A1[1][0], …, c2[0] (13 weights)`).
    static func list(_ names: [String]) -> String {
        guard names.count > 6 else { return names.joined(separator: ", ") }
        return names.prefix(3).joined(separator: ", ") + ", …, " + (names.last ?? "") + " (\(names.count) weights)"
    }
}
