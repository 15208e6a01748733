/// Samples for a data model: a feature row and a target per sample.
///
/// Features are stored row-major in one array so a model can stream through
/// them without chasing a pointer per sample.
public struct Dataset: Sendable, Equatable {
    /// Features per sample (1 for `prediction = w · x + b`).
    public let featureCount: Int
    /// `count × featureCount` values, one row per sample.
    public let features: [Double]
    /// One target per sample.
    public let targets: [Double]

    public init(featureCount: Int, features: [Double], targets: [Double]) {
        precondition(featureCount > 0, "a dataset needs at least one feature per sample")
        precondition(features.count == featureCount * targets.count,
                     "features must hold featureCount values for every target")
        self.featureCount = featureCount
        self.features = features
        self.targets = targets
    }

    /// One input per sample: `(x, y)` pairs.
    public init(points: [(x: Double, y: Double)]) {
        self.init(featureCount: 1, features: points.map(\.x), targets: points.map(\.y))
    }

    /// The number of samples.
    @inlinable
    public var count: Int { targets.count }

    /// Feature `column` of sample `row`.
    @inlinable
    public func feature(_ row: Int, _ column: Int) -> Double {
        features[row * featureCount + column]
    }
}
