#if canImport(Glibc)
import Glibc
#endif

/// Monotonic time and the one measurement every workload uses: the median
/// of at least five timed runs after a warm-up (WORKLOADS.md).
public enum BenchClock {
    /// Nanoseconds on the monotonic clock (an arbitrary origin).
    public static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) * 1e9 + Double(time.tv_nsec)
    }

    /// The median time of one call of `body`, in nanoseconds.
    ///
    /// One untimed warm-up call, then `runs` samples. A sample repeats `body`
    /// until it has lasted about `minimumSample` nanoseconds (the count is
    /// estimated from the warm-up) and divides, as the C peer does, so a
    /// workload of a few microseconds is not measured at the clock's grain.
    ///
    /// - Complexity: about `runs × max(minimumSample, one call)` of wall time.
    public static func medianNanoseconds(runs: Int, minimumSample: Double, _ body: () -> Void) -> Double {
        precondition(runs >= 1, "a median needs at least one run")
        let warmUpStart = now()
        body()
        let estimate = max(now() - warmUpStart, 1)
        let repetitions = max(1, Int(minimumSample / estimate))
        var samples: [Double] = []
        samples.reserveCapacity(runs)
        for _ in 0..<runs {
            let start = now()
            for _ in 0..<repetitions { body() }
            samples.append((now() - start) / Double(repetitions))
        }
        return median(samples)
    }

    /// The median of `values` (the mean of the middle two for an even count).
    public static func median(_ values: [Double]) -> Double {
        precondition(!values.isEmpty, "the median of nothing is undefined")
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
