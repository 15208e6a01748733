extension ScenarioDecoder {
    /// `optimizer` (and each entry of `race`): `name` and the hyperparameters
    /// that rule takes, each checked against its range; the rest default to
    /// `torch.optim`'s values (`Hyperparameters.defaults(for:)`).
    func optimizer(from field: JSONField) throws(ScenarioError) -> Optimizer {
        let object = try field.anyObject()
        let rules = ScenarioFormat.optimizerParameters
        let name = try object.required("name", "the update rule: " + rules.map(\.name).joined(separator: ", "))
            .choice(rules.map(\.name))
        let allowed = ["name"] + (rules.first { $0.name == name }?.keys ?? [])
        for (key, keyPosition, _) in object.fields where !allowed.contains(key) {
            if let owner = rules.first(where: { $0.keys.contains(key) }) {
                throw ScenarioError(file: file, position: keyPosition, path: field.path.appending(key),
                                    message: "\(name) has no \(key) (\(owner.name) has); \(name) takes "
                                        + allowed.joined(separator: ", "))
            }
        }
        let checked = try field.object(allowing: allowed, what: "the \(name) optimizer")
        guard let kind = OptimizerKind(rawValue: name) else { throw field.error("unknown optimizer '\(name)'") }
        var hyperparameters = Hyperparameters.defaults(for: kind)
        if let value = checked.optional("learningRate") { hyperparameters.learningRate = try value.number(.positive) }
        if let value = checked.optional("momentum") { hyperparameters.momentum = try value.number(.fraction) }
        if let value = checked.optional("alpha") { hyperparameters.alpha = try value.number(.fraction) }
        if let value = checked.optional("beta1") { hyperparameters.beta1 = try value.number(.fraction) }
        if let value = checked.optional("beta2") { hyperparameters.beta2 = try value.number(.fraction) }
        if let value = checked.optional("epsilon") { hyperparameters.epsilon = try value.number(.positive) }
        return Optimizer(kind, hyperparameters)
    }

    /// `race`: two to five optimizers that run side by side from the start.
    func race(from field: JSONField) throws(ScenarioError) -> [Optimizer] {
        let entries = try field.array()
        let most = ScenarioFormat.maximumRaceSize
        guard (2...most).contains(entries.count) else {
            throw field.error("a race needs from 2 to \(most) optimizers, got \(entries.count)")
        }
        var optimizers: [Optimizer] = []
        for entry in entries { optimizers.append(try optimizer(from: entry)) }
        return optimizers
    }
}
