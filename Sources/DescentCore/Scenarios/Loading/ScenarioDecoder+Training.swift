extension ScenarioDecoder {
    /// `optimizer` (and each entry of `race`): `name` and the hyperparameters
    /// that rule takes, each checked against its range; the rest default to
    /// `torch.optim`'s values (`Hyperparameters.defaults(for:)`). `extraKeys`
    /// are further keys the caller reads itself.
    func optimizer(from field: JSONField, extraKeys: [String] = []) throws(ScenarioError) -> Optimizer {
        let object = try field.anyObject()
        let rules = ScenarioFormat.optimizerParameters
        let name = try object.required("name", "the update rule: " + rules.map(\.name).joined(separator: ", "))
            .choice(rules.map(\.name))
        let allowed = ["name"] + (rules.first { $0.name == name }?.keys ?? []) + extraKeys
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

    /// `race`: two to five optimizers that run side by side from the start,
    /// each optionally with its own `batch`.
    func race(from field: JSONField, sampleCount: Int) throws(ScenarioError)
        -> [(optimizer: Optimizer, batchSize: BatchSize?)] {
        let entries = try field.array()
        let most = ScenarioFormat.maximumRaceSize
        guard (2...most).contains(entries.count) else {
            throw field.error("a race needs from 2 to \(most) optimizers, got \(entries.count)")
        }
        var race: [(optimizer: Optimizer, batchSize: BatchSize?)] = []
        for entry in entries {
            let optimizer = try self.optimizer(from: entry, extraKeys: ["batch"])
            let batch = try entry.anyObject().optional("batch").map { field throws(ScenarioError) in
                try batchSize(from: field, sampleCount: sampleCount)
            }
            race.append((optimizer, batch))
        }
        return race
    }

    /// `schedule`: the command line's notation as a string (`"constant"`,
    /// `"exponential:0.95"`), or an object `{"name": "step", "every": 10,
    /// "factor": 0.5}`.
    func schedule(from field: JSONField) throws(ScenarioError) -> LearningRateSchedule {
        if case .string(let text) = field.value.kind {
            do {
                return try LearningRateSchedule(notation: text)
            } catch {
                throw field.error(error.description)
            }
        }
        let forms = ScenarioFormat.scheduleParameters
        let name = try field.anyObject().required("name", "the schedule: " + forms.map(\.name).joined(separator: ", "))
            .choice(forms.map(\.name))
        let object = try field.object(allowing: ["name"] + (forms.first { $0.name == name }?.keys ?? []),
                                      what: "the \(name) schedule")
        func required(_ key: String, _ purpose: String) throws(ScenarioError) -> JSONField {
            try object.required(key, purpose)
        }
        switch name {
        case "step":
            return .step(every: try required("every", "the number of steps between decays").integer(from: 1),
                         factor: try required("factor", "what the rate is multiplied by at each decay").number(.factor))
        case "exponential":
            return .exponential(factor: try required("factor", "what the rate is multiplied by at each step")
                .number(.factor))
        case "cosine":
            return .cosine(period: try required("period", "the steps the rate takes to fall to its minimum")
                               .integer(from: 1),
                           minimum: try object.optional("minimum")?.number(.nonNegative) ?? 0)
        default:
            return .constant
        }
    }

    /// `clipping`: `{"maxNorm": 5}`, the largest gradient norm an update uses.
    func clipping(from field: JSONField) throws(ScenarioError) -> Double {
        let object = try field.object(allowing: ScenarioFormat.clipping, what: "clipping")
        return try object.required("maxNorm", "the largest gradient norm an update uses (> 0)").number(.positive)
    }

    /// `batch`: `"full"`, `"stochastic"` or a whole number of samples, which
    /// a model with data must hold; an analytic loss has no data to batch.
    func batchSize(from field: JSONField, sampleCount: Int) throws(ScenarioError) -> BatchSize {
        if sampleCount == 0, field.value.kind != .string("full") {
            throw field.error("this loss has no data to take batches of; use \"full\" or leave batch out")
        }
        let size: BatchSize
        switch field.value.kind {
        case .string:
            size = try field.choice(["full", "stochastic"]) == "full" ? .full : .stochastic
        case .number:
            size = .minibatch(try field.integer(from: 1, to: sampleCount))
        default:
            throw field.typeError("\"full\", \"stochastic\" or a whole number of samples")
        }
        return size
    }

    /// `restarts`: `{"count": 20, "steps": 300, "tolerance": 0.05}`.
    func restarts(from field: JSONField) throws(ScenarioError) -> RestartSettings {
        let object = try field.object(allowing: ScenarioFormat.restarts, what: "restarts")
        let count = try object.required("count", "how many restarts to run").integer(from: 1, to: 1000)
        let steps = try object.required("steps", "the steps each restart takes").integer(from: 1, to: 100_000)
        let tolerance = try object.optional("tolerance")?.number(.positive) ?? 0.01
        return RestartSettings(count: count, steps: steps, tolerance: tolerance)
    }
}
