#if canImport(Glibc)
import Glibc
#endif

/// The final loss after a fixed number of steps for learning rates spaced
/// evenly in log scale: the too-small / just-right / too-large picture.
/// Shared by `descent sweep` and the explorer's sweep view.
public enum LearningRateSweep {
    /// `count` rates from `range.lowerBound` to `range.upperBound`, evenly
    /// spaced in log scale, both ends exact: `low · (high/low)^(i/(count−1))`,
    /// or `exp(log low + i/(count−1) · (log high − log low))` when `high/low`
    /// overflows (1e-300 to 1e300 gave rates of inf).
    public static func rates(_ range: ClosedRange<Double>, count: Int) -> [Double] {
        precondition(range.lowerBound > 0 && count >= 1, "a sweep needs positive rates and at least one point")
        let ratio = range.upperBound / range.lowerBound
        return (0..<count).map { index in
            if index == 0 { return range.lowerBound }
            if index == count - 1 { return range.upperBound }
            let fraction = count == 1 ? 0 : Double(index) / Double(count - 1)
            guard ratio.isFinite else {
                return exp(log(range.lowerBound) + fraction * (log(range.upperBound) - log(range.lowerBound)))
            }
            return range.lowerBound * pow(ratio, fraction)
        }
    }

    /// One run of `scenario` (its current training settings) per rate, each
    /// `steps` steps long; `each` is told as each finishes, and the sweep
    /// stops early (returning what it has) when `isCancelled` says so.
    ///
    /// - Complexity: rates × steps gradient evaluations.
    public static func runs(of scenario: Scenario, rates: [Double], steps: Int,
                            isCancelled: () -> Bool = { false },
                            each: (Double, TrainingRun) -> Void = { _, _ in }) -> [(learningRate: Double, run: TrainingRun)] {
        var results: [(Double, TrainingRun)] = []
        for rate in rates {
            if isCancelled() { break }
            var contender = scenario
            contender.training.hyperparameters.learningRate = rate
            var run = contender.makeRun()
            run.step(count: steps)
            results.append((rate, run))
            each(rate, run)
        }
        return results
    }
}
