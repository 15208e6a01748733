// Why filter normalisation: a network's loss is unchanged when one unit's
// incoming weights are scaled up and the next layer's weights down (with
// ReLU), so a raw Gaussian direction moves small-norm units much further, in
// relative terms, than large ones, and plots of different networks cannot be
// compared. Rescaling each unit's slice of the direction to the norm of that
// unit's weights makes a step of 1 along the direction a change of the same
// relative size in every unit.

extension SurfacePlane {
    /// The axis names of a filter-normalised plane: `α` moves along the first
    /// random direction δ, `β` along the second, η.
    public static let randomDirectionAxisNames = ("direction 1", "direction 2")

    /// The plane through `weights` spanned by two random, filter-normalised
    /// directions (Li, Xu, Taylor, Studer & Goldstein, "Visualizing the Loss
    /// Landscape of Neural Nets", NeurIPS 2018):
    ///
    ///     weights(α, β) = θ + α·δ + β·η
    ///     δ_f = (g_f / ‖g_f‖) · ‖θ_f‖      for each filter f (a unit's incoming weight row),
    ///                                       g ~ N(0, I) drawn for every weight
    ///     δ_b = 0                          for every weight outside the filters (the biases)
    ///
    /// and the same for η with fresh draws. The origin (α, β) = (0, 0) is
    /// `weights`; the axes are named "direction 1" (α) and "direction 2" (β).
    /// A trajectory is shown by `projection(of:)`, its least-squares
    /// coordinates in the plane (the two directions need not be orthogonal).
    ///
    /// Draws: from `SeededGenerator(seed:)`, `RandomDraw.standardNormal` for
    /// every weight in index order, first for δ and then for η. If η comes
    /// out (almost) parallel to δ (|cos| > 0.9995, which only happens when
    /// the filters have single entries), η is drawn again, up to 64 times.
    ///
    /// - Parameters:
    ///   - weights: θ, the weights the plane passes through.
    ///   - filters: ranges of weight indices, one per unit (a
    ///     `LayeredObjective`'s `filters`); every other index is a bias.
    ///   - seed: the seed of the two directions.
    /// - Returns: nil when no two independent directions exist: every
    ///   filter's weights are zero, or only one filter weight is non-zero.
    /// - Complexity: O(number of weights) per draw.
    public static func filterNormalised(through weights: [Double], filters: [Range<Int>],
                                        seed: UInt64) -> SurfacePlane? {
        precondition(filters.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= weights.count },
                     "every filter must be a range of indices into the weight vector (0..<\(weights.count))")
        var generator = SeededGenerator(seed: seed)
        let delta = filterNormalisedDirection(for: weights, filters: filters, using: &generator)
        var eta = filterNormalisedDirection(for: weights, filters: filters, using: &generator)
        var attempts = 1
        while areDegenerate(delta, eta), attempts < 64 {
            eta = filterNormalisedDirection(for: weights, filters: filters, using: &generator)
            attempts += 1
        }
        guard !areDegenerate(delta, eta) else { return nil }
        return SurfacePlane(origin: weights, first: delta, second: eta, axisNames: randomDirectionAxisNames)
    }

    /// The filter-normalised plane of `objective` through `weights`; see
    /// `filterNormalised(through:filters:seed:)`.
    public static func filterNormalised(of objective: some LayeredObjective, through weights: [Double],
                                        seed: UInt64) -> SurfacePlane? {
        precondition(weights.count == objective.dimension, "the plane needs one value per weight")
        return filterNormalised(through: weights, filters: objective.filters, seed: seed)
    }

    /// One Gaussian direction, rescaled filter by filter to the weights'
    /// norms, zero outside the filters.
    private static func filterNormalisedDirection(for weights: [Double], filters: [Range<Int>],
                                                  using generator: inout SeededGenerator) -> [Double] {
        let gaussian = weights.indices.map { _ in RandomDraw.standardNormal(using: &generator) }
        var direction = [Double](repeating: 0, count: weights.count)
        for filter in filters {
            let directionNorm = norm(gaussian[filter]), weightNorm = norm(weights[filter])
            guard directionNorm > 0 else { continue }
            for i in filter { direction[i] = gaussian[i] / directionNorm * weightNorm }
        }
        return direction
    }

    /// Whether two directions fail to span a plane: one is zero or they are
    /// within about 1.8° of parallel.
    private static func areDegenerate(_ a: [Double], _ b: [Double]) -> Bool {
        var aa = 0.0, bb = 0.0, ab = 0.0
        for (x, y) in zip(a, b) {
            aa += x * x
            bb += y * y
            ab += x * y
        }
        return aa == 0 || bb == 0 || ab * ab > 0.999 * aa * bb
    }

    private static func norm(_ values: ArraySlice<Double>) -> Double {
        values.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }
}
