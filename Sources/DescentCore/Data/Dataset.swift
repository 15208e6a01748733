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
    /// One name per feature column (a CSV header's names; `x` for a single
    /// feature, `x1`, `x2`, … otherwise).
    public let featureNames: [String]
    /// The name of the target column (`y` unless a CSV header says otherwise).
    public let targetName: String

    public init(featureCount: Int, features: [Double], targets: [Double],
                featureNames: [String]? = nil, targetName: String = "y") {
        precondition(featureCount > 0, "a dataset needs at least one feature per sample")
        precondition(features.count == featureCount * targets.count,
                     "features must hold featureCount values for every target")
        precondition(featureNames.map { $0.count == featureCount } ?? true,
                     "a dataset needs one name per feature column")
        self.featureCount = featureCount
        self.features = features
        self.targets = targets
        self.featureNames = featureNames ?? Self.defaultFeatureNames(count: featureCount)
        self.targetName = targetName
    }

    /// One input per sample: `(x, y)` pairs.
    public init(points: [(x: Double, y: Double)]) {
        self.init(featureCount: 1, features: points.map(\.x), targets: points.map(\.y))
    }

    /// `x` for one feature; `x1`, `x2`, … for several.
    public static func defaultFeatureNames(count: Int) -> [String] {
        count == 1 ? ["x"] : (1...max(1, count)).map { "x\($0)" }
    }

    /// The number of samples.
    @inlinable
    public var count: Int { targets.count }

    /// Feature `column` of sample `row`.
    @inlinable
    public func feature(_ row: Int, _ column: Int) -> Double {
        features[row * featureCount + column]
    }

    /// The feature row of sample `row`.
    public func featureRow(_ row: Int) -> ArraySlice<Double> {
        features[(row * featureCount)..<((row + 1) * featureCount)]
    }
}
