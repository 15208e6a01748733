extension ScenarioDecoder {
    /// The most samples a data set may hold: every step of full-batch
    /// descent touches each of them.
    static let maximumSampleCount = 100_000

    /// `model.data`: exactly one of `points`, `generate` or `csv`. Targets
    /// are checked against `loss` (labels in [0, 1] for cross-entropy).
    func dataset(from field: JSONField, loss: LossFunction) throws(ScenarioError) -> Dataset {
        let object = try field.anyObject()
        let sources = ["points", "generate", "csv"].filter(object.has)
        guard sources.count == 1 else {
            if sources.isEmpty {
                throw field.error("expected one of points (inline samples), generate (a generated set) or csv (a file)")
            }
            throw field.error("give one source of data, not \(sources.joined(separator: " and "))")
        }
        switch sources[0] {
        case "points": return try points(from: field.object(allowing: ScenarioFormat.pointsData, what: "inline data"),
                                         loss: loss)
        case "generate": return try generated(from: field, loss: loss)
        default: return try csv(from: field.object(allowing: ScenarioFormat.csvData, what: "CSV data"), loss: loss)
        }
    }

    /// `points`: rows `[x, y]` (or `[x1, …, xk, y]`), the target last.
    private func points(from object: JSONObjectReader, loss: LossFunction) throws(ScenarioError) -> Dataset {
        let field = try object.required("points", "the samples, one [x, y] row each")
        let rows = try field.array()
        guard !rows.isEmpty else { throw field.error("must hold at least one [x, y] row") }
        guard rows.count <= Self.maximumSampleCount else {
            throw field.error("must hold at most \(Self.maximumSampleCount) rows, got \(rows.count)")
        }
        var width: Int?
        var features: [Double] = [], targets: [Double] = []
        for row in rows {
            let cells = try row.array()
            guard cells.count >= 2 else {
                throw row.error("expected a row [x, y] (inputs, then the target), got \(cells.count) "
                                    + (cells.count == 1 ? "number" : "numbers"))
            }
            if let width, cells.count != width {
                throw row.error("expected \(width) numbers like the first row, got \(cells.count)")
            }
            width = cells.count
            for cell in cells.dropLast() { features.append(try cell.number()) }
            if let last = cells.last {
                let target = try last.number()
                guard loss.accepts(target: target) else { throw last.error(Self.targetProblem(target, loss)) }
                targets.append(target)
            }
        }
        return Dataset(featureCount: (width ?? 2) - 1, features: features, targets: targets)
    }

    /// `generate`: a seeded data set and its parameters.
    private func generated(from field: JSONField, loss: LossFunction) throws(ScenarioError) -> Dataset {
        let name = try field.anyObject().required("generate", "the generator").choice(
            ScenarioFormat.generatorParameters.map(\.name))
        let parameters = ScenarioFormat.generatorParameters.first { $0.name == name }?.keys ?? []
        let object = try field.object(allowing: ["generate", "seed"] + parameters, what: "the \(name) generator")
        let seed = try object.optional("seed")?.seed() ?? 0
        func count(_ fallback: Int) throws(ScenarioError) -> Int {
            try object.optional("count")?.integer(from: 1, to: Self.maximumSampleCount) ?? fallback
        }
        func number(_ key: String, _ fallback: Double, _ bounds: NumberBounds = .any) throws(ScenarioError) -> Double {
            try object.optional(key)?.number(bounds) ?? fallback
        }
        func interval(_ key: String, _ fallback: ClosedRange<Double>) throws(ScenarioError) -> ClosedRange<Double> {
            try object.optional(key)?.interval() ?? fallback
        }
        func pair(_ key: String, _ fallback: (Double, Double)) throws(ScenarioError) -> (Double, Double) {
            guard let numbers = try object.optional(key)?.numbers(count: 2) else { return fallback }
            return (numbers[0], numbers[1])
        }
        let data: Dataset
        switch name {
        case "noisy-line":
            data = .noisyLine(count: try count(50), slope: try number("slope", 2), intercept: try number("intercept", 1),
                              noise: try number("noise", 0.5, .nonNegative), inputs: try interval("inputs", -2...2),
                              seed: seed)
        case "sine":
            data = .sine(count: try count(50), amplitude: try number("amplitude", 1), frequency: try number("frequency", 1),
                         noise: try number("noise", 0.1, .nonNegative), inputs: try interval("inputs", -Double.pi...Double.pi),
                         seed: seed)
        case "two-blobs":
            data = .twoBlobs(count: try count(100), first: try pair("first", (-1, -1)), second: try pair("second", (1, 1)),
                             spread: try number("spread", 0.5, .nonNegative), seed: seed)
        case "xor":
            data = .xor(count: try count(100), spread: try number("spread", 0.3, .nonNegative), seed: seed)
        case "two-spirals":
            data = .twoSpirals(count: try count(200), turns: try number("turns", 1.5, .positive),
                               noise: try number("noise", 0.02, .nonNegative), seed: seed)
        default:
            data = .moons(count: try count(200), noise: try number("noise", 0.1, .nonNegative), seed: seed)
        }
        if let index = data.targets.firstIndex(where: { !loss.accepts(target: $0) }) {
            throw field.error("the \(name) set's targets do not suit \(loss.displayName): sample \(index)'s target is "
                                  + "\(Goal.number(data.targets[index])); " + Self.allowedTargets(loss))
        }
        return data
    }

    /// `csv`: a file relative to the scenario file, with its own line:column
    /// errors after the scenario's.
    private func csv(from object: JSONObjectReader, loss: LossFunction) throws(ScenarioError) -> Dataset {
        let field = try object.required("csv", "the path of the CSV file, relative to this scenario file")
        let path = ScenarioPath.resolve(try field.nonEmptyString(), relativeTo: file)
        let target = try object.optional("target")?.nonEmptyString()
        var features: [String]?
        if let list = object.optional("features") {
            let elements = try list.array()
            guard !elements.isEmpty else { throw list.error("must name at least one column") }
            features = []
            for element in elements { features?.append(try element.nonEmptyString()) }
        }
        let text: String
        do {
            text = try readFile(path)
        } catch {
            throw field.error("cannot read '\(path)': \(error.reason)")
        }
        let data: Dataset
        do {
            data = try Dataset(csv: text, file: path, target: target, features: features, loss: loss)
        } catch {
            throw field.error(error.description)
        }
        guard data.count <= Self.maximumSampleCount else {
            throw field.error("'\(path)' holds \(data.count) samples; at most \(Self.maximumSampleCount) are allowed")
        }
        return data
    }

    /// "2 is not a valid target for binary cross-entropy; it needs targets in [0, 1] (labels 0 and 1)".
    static func targetProblem(_ target: Double, _ loss: LossFunction) -> String {
        "\(Goal.number(target)) is not a valid target for \(loss.displayName); " + allowedTargets(loss)
    }

    static func allowedTargets(_ loss: LossFunction) -> String {
        loss == .binaryCrossEntropy ? "it needs targets in [0, 1] (labels 0 and 1)" : "it needs finite targets"
    }
}
