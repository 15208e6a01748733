/// How one run of a series of random restarts ended.
public struct RestartOutcome: Sendable, Equatable {
    /// Which restart (0 is the first).
    public let index: Int
    /// The seed its batch order was drawn with.
    public let seed: UInt64
    public let start: [Double]
    /// The weights where it stopped.
    public let end: [Double]
    /// The weights along the way (the run's stored history: every recent
    /// step, older ones thinned), start first.
    public let path: [[Double]]
    /// The full-data loss at `end`.
    public let finalLoss: Double
    /// The steps it took (fewer than asked when it diverged).
    public let steps: Int
    public let status: RunStatus
    /// The index in the scenario's `minima` of the known minimum nearest to
    /// `end`, if one lies within the tolerance; nil for none.
    public let minimumIndex: Int?
    /// Whether that minimum is a global one.
    public let reachedGlobalMinimum: Bool

    public init(index: Int, seed: UInt64, start: [Double], end: [Double], path: [[Double]], finalLoss: Double,
                steps: Int, status: RunStatus, minimumIndex: Int?, reachedGlobalMinimum: Bool) {
        self.index = index
        self.seed = seed
        self.start = start
        self.end = end
        self.path = path
        self.finalLoss = finalLoss
        self.steps = steps
        self.status = status
        self.minimumIndex = minimumIndex
        self.reachedGlobalMinimum = reachedGlobalMinimum
    }
}
