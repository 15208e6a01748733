/// The plane and region a file's `view` describes.
struct DecodedView {
    let plane: SurfacePlane
    let region: ViewRegion
}

extension ScenarioDecoder {
    /// `start`: one number per weight, by name.
    func start(from field: JSONField, names: [String]) throws(ScenarioError) -> [Double] {
        try point(from: field, names: names, what: "the start")
    }

    /// A full weight vector written as `{"a": 1, "b": 2}`, every weight named.
    func point(from field: JSONField, names: [String], what: String) throws(ScenarioError) -> [Double] {
        let object = try field.object(allowing: names, what: "\(what) (weights \(Self.list(names)))")
        var point: [Double] = []
        for name in names {
            point.append(try object.required(name, "\(what) needs a value for every weight: \(Self.list(names))").number())
        }
        return point
    }

    /// `view`: a `[lower, upper]` range per weight; checks that the start
    /// lies inside it (a start off screen is always a mistake: the scenario
    /// would open on an empty surface).
    func view(from field: JSONField, names: [String], start: [Double]) throws(ScenarioError) -> DecodedView {
        let object = try field.object(allowing: names, what: "the view (weights \(Self.list(names)))")
        var ranges: [ClosedRange<Double>] = []
        for name in names {
            ranges.append(try object.required(name, "the view needs a [lower, upper] range for every weight: "
                                                  + Self.list(names)).interval())
        }
        for (index, name) in names.enumerated() where !ranges[index].contains(start[index]) {
            let range = ranges[index]
            throw ScenarioError(
                file: file, position: field.value.position, path: JSONPath.root.appending("start").appending(name),
                message: "\(Goal.number(start[index])) lies outside the view's \(name) range "
                    + "[\(Goal.number(range.lowerBound)), \(Goal.number(range.upperBound))]; "
                    + "move the start or widen the view")
        }
        if names.count == 1 {
            // The loss curve scales its own vertical axis; the region's is unused.
            return DecodedView(plane: .line(name: names[0]), region: ViewRegion(horizontal: ranges[0], vertical: 0...1))
        }
        return DecodedView(plane: .identity(names: names), region: ViewRegion(horizontal: ranges[0], vertical: ranges[1]))
    }
}
