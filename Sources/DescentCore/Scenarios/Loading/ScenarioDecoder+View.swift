/// The plane and region a file's `view` describes.
struct DecodedView {
    let plane: SurfacePlane
    let region: ViewRegion
    /// Weights that must not move for the path to stay on the plane shown
    /// (a slice's fixed weights).
    var frozenWeights: [Int] = []
}

extension ScenarioDecoder {
    /// `start`: one number per weight, by name; for a network also
    /// `{"seed": 3}`, its seeded initial weights.
    func start(from field: JSONField, model: DecodedModel) throws(ScenarioError) -> [Double] {
        let names = model.objective.parameterNames
        if let initialWeights = model.initialWeights, let members = field.value.members, members.count == 1,
           members[0].key == "seed", !names.contains("seed") {
            let object = try field.anyObject()
            return initialWeights(try object.required("seed", "").seed())
        }
        let alternative = model.initialWeights == nil ? "" : " (or {\"seed\": 1}: seeded initial weights)"
        return try point(from: field, names: names, what: "the start", alternative: alternative)
    }

    /// A full weight vector written as `{"a": 1, "b": 2}`, every weight named.
    func point(from field: JSONField, names: [String], what: String,
               alternative: String = "") throws(ScenarioError) -> [Double] {
        let object = try field.object(allowing: names, what: what, listing: Self.list(names))
        var point: [Double] = []
        for name in names {
            point.append(try object.required(name, "\(what) needs a value for every weight: \(Self.list(names))"
                                                 + alternative).number())
        }
        return point
    }

    /// `view`: the plane to show and the region of it. For one or two
    /// weights, a `[lower, upper]` range per weight; for more, a `plane`:
    /// `slice` (two weights' ranges; the others stay at the start) or
    /// `random` (a filter-normalised plane through the start, seeded, with
    /// ranges `u` and `v` along its two directions). The start must be in
    /// view: a start off screen is always a mistake.
    func view(from field: JSONField, model: DecodedModel, start: [Double],
              startField: JSONField?) throws(ScenarioError) -> DecodedView {
        let names = model.objective.parameterNames
        let object = try field.anyObject()
        let plane = try object.optional("plane")?.choice(ScenarioFormat.planes) ?? (names.count <= 2 ? "weights" : "")
        switch plane {
        case "weights":
            guard names.count <= 2 else {
                throw (object.optional("plane") ?? field).error("the weights themselves can be shown for one or two; "
                                                                   + "this model has \(names.count): use slice or random")
            }
            return try weightsView(from: field, names: names, start: start, startField: startField)
        case "slice":
            return try sliceView(from: field, names: names, start: start, startField: startField)
        case "random":
            return try randomView(from: field, model: model, start: start)
        default:
            let first = names.first ?? "w", last = names.last ?? "w"
            throw field.error("this model has \(names.count) weights, more than a plane shows; choose one: "
                                  + "{\"plane\": \"random\", \"u\": [-1, 1], \"v\": [-1, 1]} or {\"plane\": \"slice\", "
                                  + "\"\(first)\": [-2, 2], \"\(last)\": [-2, 2]}")
        }
    }

    private func weightsView(from field: JSONField, names: [String], start: [Double],
                             startField: JSONField?) throws(ScenarioError) -> DecodedView {
        let object = try field.object(allowing: ["plane"] + names, what: "the view")
        var ranges: [ClosedRange<Double>] = []
        for name in names {
            ranges.append(try object.required(name, "the view needs a [lower, upper] range for every weight: "
                                                  + Self.list(names)).interval())
        }
        try requireInView(start, ranges: ranges, indices: Array(names.indices), names: names, field: field,
                          startField: startField)
        if names.count == 1 {
            // The loss curve scales its own vertical axis; the region's is unused.
            return DecodedView(plane: .line(name: names[0]), region: ViewRegion(horizontal: ranges[0], vertical: 0...1))
        }
        return DecodedView(plane: .identity(names: names), region: ViewRegion(horizontal: ranges[0], vertical: ranges[1]))
    }

    private func sliceView(from field: JSONField, names: [String], start: [Double],
                           startField: JSONField?) throws(ScenarioError) -> DecodedView {
        let object = try field.object(allowing: ["plane"] + names, what: "a slice",
                                      listing: "plane and two of " + Self.list(names))
        let chosen = names.indices.filter { object.has(names[$0]) }
        guard chosen.count == 2 else {
            throw field.error("a slice shows exactly two weights; give the [lower, upper] ranges of two of "
                                  + Self.list(names) + ", got \(chosen.count)")
        }
        var ranges: [ClosedRange<Double>] = []
        for index in chosen { ranges.append(try object.required(names[index], "").interval()) }
        try requireInView(start, ranges: ranges, indices: chosen, names: names, field: field, startField: startField)
        return DecodedView(plane: .slice(through: start, free: chosen[0], chosen[1], names: names),
                           region: ViewRegion(horizontal: ranges[0], vertical: ranges[1]),
                           frozenWeights: names.indices.filter { !chosen.contains($0) })
    }

    private func randomView(from field: JSONField, model: DecodedModel, start: [Double]) throws(ScenarioError) -> DecodedView {
        let object = try field.object(allowing: ScenarioFormat.planeView, what: "a random plane")
        guard let layered = model.objective as? any LayeredObjective else {
            throw (object.optional("plane") ?? field).error("a random filter-normalised plane needs a model with "
                                                               + "neurons; use weights or slice")
        }
        let seed = try object.optional("seed")?.seed() ?? 0
        let u = try object.required("u", "the range along the plane's first direction, such as [-1, 1]").interval()
        let v = try object.required("v", "the range along the plane's second direction, such as [-1, 1]").interval()
        for (key, range) in [("u", u), ("v", v)] where !range.contains(0) {
            throw (object.optional(key) ?? field).error("the plane passes through the start at u = v = 0, which must "
                                                           + "be in view; got [\(Goal.number(range.lowerBound)), "
                                                           + "\(Goal.number(range.upperBound))]")
        }
        guard let plane = SurfacePlane.filterNormalised(through: start, filters: layered.filters, seed: seed) else {
            throw field.error("the start has too few non-zero weights in its neurons to span a random plane; "
                                  + "start elsewhere (such as {\"seed\": 1})")
        }
        return DecodedView(plane: plane, region: ViewRegion(horizontal: u, vertical: v))
    }

    /// Throws at the start's offending value (or at the view, for a start
    /// the file does not give) when the start lies outside `ranges`.
    private func requireInView(_ start: [Double], ranges: [ClosedRange<Double>], indices: [Int], names: [String],
                               field: JSONField, startField: JSONField?) throws(ScenarioError) {
        for (range, index) in zip(ranges, indices) where !range.contains(start[index]) {
            let value = startField?.value[names[index]] ?? startField?.value ?? field.value
            throw ScenarioError(
                file: file, position: value.position, path: JSONPath.root.appending("start").appending(names[index]),
                message: "\(Goal.number(start[index])) lies outside the view's \(names[index]) range "
                    + "[\(Goal.number(range.lowerBound)), \(Goal.number(range.upperBound))]; "
                    + "move the start or widen the view")
        }
    }
}
