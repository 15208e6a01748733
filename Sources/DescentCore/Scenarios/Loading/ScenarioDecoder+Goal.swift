extension ScenarioDecoder {
    /// `goal`: exactly one condition (`reach` with `within`, `loss`, or
    /// `diverge`) and a budget of `steps`.
    func goal(from field: JSONField, names: [String], minima: [KnownMinimum]) throws(ScenarioError) -> Goal {
        let object = try field.object(allowing: ScenarioFormat.goal, what: "a goal")
        let conditions = ["reach", "loss", "diverge"].filter(object.has)
        guard conditions.count == 1 else {
            if conditions.isEmpty {
                throw field.error("expected one condition: reach (a point, or \"global\"), loss (a value to get "
                                      + "below) or diverge (true)")
            }
            throw field.error("give one condition, not \(conditions.joined(separator: " and "))")
        }
        let steps = try object.required("steps", "the budget: the step by which the goal must be met")
            .integer(from: 1, to: 100_000_000)
        if conditions[0] != "reach", let within = object.optional("within") {
            throw within.error("within goes with reach (how close counts as there); a \(conditions[0]) goal takes none")
        }
        switch conditions[0] {
        case "reach":
            let target = try object.required("reach", "")
            let within = try object.required("within", "how close counts as there (a distance in weight space, > 0)")
                .number(.positive)
            if case .string = target.value.kind {
                _ = try target.choice(["global"])
                guard let global = minima.first(where: \.isGlobal) else {
                    throw target.error("this model has no known global minimum; give the point instead, such as "
                                           + Self.example(names))
                }
                return Goal(.reach(point: global.point, within: within), steps: steps, targetName: "the global minimum")
            }
            let point = try self.point(from: target, names: names, what: "the point to reach")
            return Goal(.reach(point: point, within: within), steps: steps)
        case "loss":
            return Goal(.loss(atMost: try object.required("loss", "").number()), steps: steps)
        default:
            let flag = try object.required("diverge", "")
            guard try flag.bool() else { throw flag.error("takes only true (the goal is to see it diverge)") }
            return Goal(.diverge, steps: steps)
        }
    }

    /// `minima`: known minima the file marks, each `{"at": {…}, "label": …,
    /// "global": true}`; the loss there is computed.
    func minima(from field: JSONField, objective: any Objective) throws(ScenarioError) -> [KnownMinimum] {
        var minima: [KnownMinimum] = []
        for entry in try field.array() {
            let object = try entry.object(allowing: ScenarioFormat.minimum, what: "a known minimum")
            let point = try self.point(from: object.required("at", "where the minimum is: "
                                                                 + Self.example(objective.parameterNames)),
                                       names: objective.parameterNames, what: "the minimum")
            let label = try object.optional("label")?.nonEmptyString()
            let isGlobal = try object.optional("global")?.bool() ?? false
            minima.append(KnownMinimum(point: point, loss: objective.loss(at: point), isGlobal: isGlobal, label: label))
        }
        // Global ones first, as `Scenario.globalMinimum` and the views expect.
        return minima.filter(\.isGlobal) + minima.filter { !$0.isGlobal }
    }
}
