/// A minimum of a loss that is known in advance (documented for a classic
/// test function, or computed in closed form), so a view can mark it and a
/// batch of restarts can say which minimum each run reached.
public struct KnownMinimum: Sendable, Equatable {
    /// Full weight vector at the minimum.
    public let point: [Double]
    /// The loss there.
    public let loss: Double
    /// Whether no other point has a lower loss.
    public let isGlobal: Bool
    /// A short label ("global", "(3, 2)"), for reports.
    public let label: String?

    public init(point: [Double], loss: Double, isGlobal: Bool, label: String? = nil) {
        self.point = point
        self.loss = loss
        self.isGlobal = isGlobal
        self.label = label
    }
}
