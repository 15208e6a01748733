extension SurfacePlane {
    /// The slice of weight space where two chosen weights vary and every
    /// other weight stays at its value in `weights`:
    ///
    ///     weights(u, v) = weights with weights[first] = u and weights[second] = v
    ///
    /// The plane's coordinates are the two weights themselves, so the axes
    /// are named after them (`names[first]`, `names[second]`), a view region
    /// is given in weight units, and a trajectory projects onto
    /// `(its weights[first], its weights[second])`: `projection(of:)` drops
    /// the other weights (their moves are what the slice does not show).
    ///
    /// - Parameters:
    ///   - weights: the full weight vector the slice passes through.
    ///   - first: the index of the weight on the horizontal axis.
    ///   - second: the index of the weight on the vertical axis.
    ///   - names: one name per weight (an objective's `parameterNames`).
    public static func slice(through weights: [Double], free first: Int, _ second: Int,
                             names: [String]) -> SurfacePlane {
        precondition(names.count == weights.count, "a slice needs one name per weight")
        precondition(weights.indices.contains(first) && weights.indices.contains(second),
                     "a slice's free weights must be indices of the weight vector (0..<\(weights.count))")
        precondition(first != second, "a slice needs two different free weights")
        var origin = weights
        origin[first] = 0
        origin[second] = 0
        var horizontal = [Double](repeating: 0, count: weights.count), vertical = horizontal
        horizontal[first] = 1
        vertical[second] = 1
        return SurfacePlane(origin: origin, first: horizontal, second: vertical,
                            axisNames: (names[first], names[second]))
    }

    /// The slice of `objective` through `weights` with the weights named
    /// `first` and `second` free (`"A1[0][0]"`, `"c1[1]"`); nil when either
    /// name is not one of its `parameterNames` or both are the same.
    public static func slice(of objective: any Objective, through weights: [Double], free first: String,
                             _ second: String) -> SurfacePlane? {
        let names = objective.parameterNames
        guard let i = names.firstIndex(of: first), let j = names.firstIndex(of: second), i != j else { return nil }
        return slice(through: weights, free: i, j, names: names)
    }
}
