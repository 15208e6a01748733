/// How hard `descent bench` measures: the spec's sizes, or the reduced
/// sizes CI runs (`--quick`), where only the check values matter.
public struct BenchSettings: Sendable, Equatable {
    /// Reduced sizes, fewer repetitions inside a sample.
    public var isQuick: Bool
    /// Timed runs per figure (the spec asks for at least 5).
    public var runs: Int
    /// The least wall time of one timed sample, in nanoseconds.
    public var minimumSample: Double
    /// The path of the `descent` binary, for the startup workload (U3).
    public var executablePath: String?

    public init(isQuick: Bool, executablePath: String? = nil) {
        self.isQuick = isQuick
        runs = 5
        minimumSample = isQuick ? 0 : 20e6
        self.executablePath = executablePath
    }

    /// Times `body` with these settings (see `BenchClock.medianNanoseconds`).
    public func measure(_ body: () -> Void) -> Double {
        BenchClock.medianNanoseconds(runs: runs, minimumSample: minimumSample, body)
    }
}
