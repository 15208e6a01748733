/// A model read from a file, with what it knows about itself.
struct DecodedModel {
    let objective: any Objective
    /// Minima known without the file saying so (closed forms).
    let minima: [KnownMinimum]
    /// Seeded initial weights, for a model that has them (a network): what
    /// `"start": {"seed": 3}` means.
    var initialWeights: ((UInt64) -> [Double])? = nil
    /// The view and start a classic function comes with, used when the
    /// file gives none.
    var defaultRegion: ViewRegion? = nil
    var defaultStart: [Double]? = nil
}

extension ScenarioDecoder {
    /// The most weights a network may have: every step and every point of
    /// the surface evaluates all of them.
    static let maximumWeightCount = 5_000
    /// The most multiply-adds one loss of a network may cost (samples ×
    /// weights). Every step pays it about three times and every point of the
    /// surface once: 100,000 samples through 4,417 weights took 1.5 s a
    /// step and minutes a surface, and the explorer stopped answering keys.
    static let maximumWorkPerLoss = 2_000_000

    /// `model`: a loss expression (`expression`), a classic function
    /// (`function`) or a data model (`type`, `data`, `loss`, …).
    func model(from field: JSONField) throws(ScenarioError) -> DecodedModel {
        let object = try field.anyObject()
        let kinds = ["expression", "function", "type"].filter(object.has)
        if kinds.count > 1 {
            throw field.error("give one kind of model, not \(kinds.joined(separator: " and "))")
        }
        if object.has("expression") { return try expressionModel(from: field) }
        if object.has("function") { return try functionModel(from: field) }
        guard let typeField = object.optional("type") else {
            throw field.error("expected a model: {\"expression\": \"a^2 + b^2\"}, {\"function\": \"rosenbrock\"} or "
                                  + "{\"type\": \"linear-regression\", \"data\": {…}} (types: "
                                  + ScenarioFormat.dataModelParameters.map(\.type).joined(separator: ", ") + ")")
        }
        let type = try typeField.choice(ScenarioFormat.dataModelParameters.map(\.type))
        let keys = ScenarioFormat.dataModelParameters.first { $0.type == type }?.keys ?? []
        let model = try field.object(allowing: keys, what: "a \(type) model")
        let loss = try model.optional("loss").map { field throws(ScenarioError) in try self.loss(from: field) }
            ?? .meanSquaredError
        let activation = try model.optional("activation").map { field throws(ScenarioError) in
            try self.activation(from: field)
        } ?? (type == "mlp" ? .tanh : .sigmoid)
        if activation == .relu, loss == .binaryCrossEntropy, type == "neuron", let field = model.optional("activation") {
            throw field.error("a ReLU output is no probability, so it cannot go with binary cross-entropy; "
                                  + "use sigmoid or tanh")
        }
        let hiddenField = type == "mlp"
            ? try model.required("hidden", "the sizes of the hidden layers, such as [4] or [8, 8]") : nil
        let hidden = try hiddenField.map { field throws(ScenarioError) in try hiddenSizes(from: field) } ?? []
        let dataField = try model.required("data", "the samples to fit: {\"points\": [[x, y], …]}, "
                                                + "{\"generate\": \"noisy-line\", …} or {\"csv\": \"file.csv\"}")
        let data = try dataset(from: dataField, loss: loss)
        switch type {
        case "one-weight":
            try requireOneFeature(data, in: dataField, model: "the one-weight model (prediction = w·x)")
            let objective = OneWeightModel(data: data, loss: loss)
            return DecodedModel(objective: objective, minima: objective.knownMinimum.map { [$0] } ?? [])
        case "linear-regression":
            try requireOneFeature(data, in: dataField, model: "linear regression (prediction = w·x + b)")
            let objective = LinearRegression(data: data, loss: loss)
            return DecodedModel(objective: objective, minima: objective.knownMinimum.map { [$0] } ?? [])
        case "neuron":
            return DecodedModel(objective: Neuron(data: data, activation: activation, loss: loss), minima: [])
        default:
            let network = MultilayerPerceptron(data: data, hiddenSizes: hidden, activation: activation, loss: loss)
            guard network.dimension <= Self.maximumWeightCount else {
                throw (hiddenField ?? field).error("this network has \(network.dimension) weights; at most "
                                                       + "\(Self.maximumWeightCount) are allowed (use smaller hidden layers)")
            }
            guard network.dimension * data.count <= Self.maximumWorkPerLoss else {
                throw (hiddenField ?? field).error("\(data.count) samples through \(network.dimension) weights is "
                    + "\(data.count * network.dimension) multiply-adds a loss, more than the \(Self.maximumWorkPerLoss) "
                    + "that keep stepping and the surface live (use fewer samples or smaller hidden layers)")
            }
            return DecodedModel(objective: network, minima: [], initialWeights: { network.initialWeights(seed: $0) })
        }
    }

    /// `{"expression": "…", "weights": ["a", "b"]}`: the expression is one
    /// string or an array of strings, its lines.
    private func expressionModel(from field: JSONField) throws(ScenarioError) -> DecodedModel {
        let object = try field.object(allowing: ScenarioFormat.expressionModel, what: "an expression model")
        let expressionField = try object.required("expression", "")
        let source: String
        var lineFields: [JSONField] = []
        if case .array = expressionField.value.kind {
            lineFields = try expressionField.array()
            var lines: [String] = []
            for line in lineFields { lines.append(try line.string()) }
            guard !lines.isEmpty else { throw expressionField.error("must hold at least one line") }
            source = lines.joined(separator: "\n")
        } else {
            source = try expressionField.nonEmptyString()
        }
        var weightNames: [String]?
        if let list = object.optional("weights") {
            let elements = try list.array()
            guard (1...LossExpression.maximumWeightCount).contains(elements.count) else {
                throw list.error("an expression has one or two weights, got \(elements.count) names")
            }
            weightNames = []
            for element in elements { weightNames?.append(try element.nonEmptyString()) }
        }
        do {
            return DecodedModel(objective: try ExpressionObjective(source, weightNames: weightNames), minima: [])
        } catch {
            // Point at the line of the array the mistake is on.
            let place = lineFields.indices.contains(error.line - 1) ? lineFields[error.line - 1] : expressionField
            throw place.error(error.description)
        }
    }

    /// `{"function": "rosenbrock"}`: a classic test function, with its
    /// documented minima, view and start.
    private func functionModel(from field: JSONField) throws(ScenarioError) -> DecodedModel {
        let object = try field.object(allowing: ScenarioFormat.functionModel, what: "a function model")
        let name = try object.required("function", "").choice(ClassicFunction.all.map(\.name))
        guard let function = ClassicFunction.named(name) else { throw field.error("unknown function '\(name)'") }
        return DecodedModel(objective: function.objective, minima: function.minima, defaultRegion: function.region,
                            defaultStart: function.start)
    }

    func loss(from field: JSONField) throws(ScenarioError) -> LossFunction {
        let name = try field.choice(ScenarioFormat.lossNames.map(\.name))
        return ScenarioFormat.lossNames.first { $0.name == name }?.loss ?? .meanSquaredError
    }

    func activation(from field: JSONField) throws(ScenarioError) -> Activation {
        let name = try field.choice(ScenarioFormat.activationNames.map(\.name))
        return ScenarioFormat.activationNames.first { $0.name == name }?.activation ?? .sigmoid
    }

    /// `hidden`: one to eight layer sizes, each from 1 to 64 (`[]` for no
    /// hidden layer: a linear or logistic model).
    private func hiddenSizes(from field: JSONField) throws(ScenarioError) -> [Int] {
        let elements = try field.array()
        guard elements.count <= 8 else { throw field.error("at most 8 hidden layers, got \(elements.count)") }
        var sizes: [Int] = []
        for element in elements { sizes.append(try element.integer(from: 1, to: 64)) }
        return sizes
    }

    private func requireOneFeature(_ data: Dataset, in field: JSONField, model: String) throws(ScenarioError) {
        guard data.featureCount == 1 else {
            throw field.error("\(model) takes one input per sample, but this data has \(data.featureCount) "
                                  + "(\(data.featureNames.joined(separator: ", ")))")
        }
    }
}
