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
        let start = try self.start(from: object.required("start", "the weights descent starts from: "
                                                             + Self.example(names)), names: names)
        let view = try self.view(from: object.required("view", "the part of the plane to show, a [lower, upper] "
                                                           + "range per weight: " + Self.exampleView(names)),
                                 names: names, start: start)
        let optimizer = try self.optimizer(from: object.required("optimizer", "the update rule and its "
                                                                     + "hyperparameters, such as {\"name\": \"sgd\", \"learningRate\": 0.1}"))
        let race = try object.optional("race").map { field throws(ScenarioError) in try self.race(from: field) } ?? []
        var minima = model.minima
        if let listed = object.optional("minima") { minima += try self.minima(from: listed, objective: model.objective) }
        let goal = try object.optional("goal").map { field throws(ScenarioError) in
            try self.goal(from: field, names: names, minima: minima)
        }
        var scenario = Scenario(name: name, title: title, lesson: lesson, objective: model.objective,
                                plane: view.plane, region: view.region, start: start, optimizer: optimizer,
                                minima: minima, race: race)
        scenario.goal = goal
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

    /// `a, b` or `w`.
    static func list(_ names: [String]) -> String { names.joined(separator: ", ") }
}
