/// How many random restarts a scenario suggests, how long each runs, and
/// how close to a known minimum an end point must be to count as there:
/// what `RandomRestarts.runBatch` needs besides the scenario itself.
public struct RestartSettings: Sendable, Equatable {
    /// Restarts in a batch (≥ 1).
    public var count: Int
    /// Steps each restart takes (≥ 1).
    public var steps: Int
    /// The distance in weight space within which an end point is at a
    /// minimum (> 0).
    public var tolerance: Double

    public init(count: Int, steps: Int, tolerance: Double = 0.01) {
        precondition(count >= 1 && steps >= 1, "restarts need at least one run of at least one step")
        precondition(tolerance > 0, "a tolerance is a distance, above 0")
        self.count = count
        self.steps = steps
        self.tolerance = tolerance
    }
}
