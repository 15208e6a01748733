import DescentCore

/// W5 graph-backprop: reverse mode on a long scalar graph, on the core's
/// `Tape` (the one the graph view shows).
///
///     x₀ = 0.5, x₁ = −0.3;  for k in 2..<K:
///     m_k = 0.5·x_(k−1),  t_k = tanh(x_(k−2)),  s_k = 0.5·t_k,  x_k = m_k + s_k
///
/// Four nodes and five edges per k; f = x_(K−1). Timed: recording the graph
/// (which evaluates it), then the backward pass, on storage reused from the
/// previous run. The four sizes give the slope of log time against log
/// edges: linear cost means a slope near 1.
public struct GraphBackpropagation: BenchWorkload {
    public let name = "W5"
    public let summary = "scalar tape: build, forward and backward of a graph of 5(K-2) edges"

    public init() {}

    /// The values the peers agree on (to 1e-15; C's tape, shared/bench/peers):
    /// K → (f, df/dx₀, df/dx₁).
    public static let expected: [Int: (f: Double, dfdx0: Double, dfdx1: Double)] = [
        1_000: (-0.036226956537061809, 0.15593090782871366, 0.37978241544730762),
        10_000: (-0.01902794396096448, 0.022595233666940127, 0.055032530363083428),
        100_000: (-0.0066281978442571353, 0.00095505673283380885, 0.0023261183939445162),
        1_000_000: (-0.0021187491398199348, 3.119475572420665e-05, 7.5977366150152943e-05),
    ]

    public static func sizes(quick: Bool) -> [Int] { quick ? [1_000, 10_000, 100_000] : [1_000, 10_000, 100_000, 1_000_000] }

    /// Records the graph for `k` on `tape` (cleared first), runs the backward
    /// pass, and returns f and its derivatives with respect to x₀ and x₁.
    ///
    /// - Complexity: O(k) time; no allocation once `tape` has grown to size.
    public static func evaluate(k: Int, on tape: inout Tape) -> (f: Double, dfdx0: Double, dfdx1: Double) {
        precondition(k >= 3, "the graph needs K ≥ 3 to have an edge")
        tape.removeAll()
        let x0 = tape.variable(0.5), x1 = tape.variable(-0.3)
        var beforePrevious = x0, previous = x1
        for _ in 2..<k {
            let m = tape.scale(previous, by: 0.5)
            let t = tape.tanh(beforePrevious)
            let s = tape.scale(t, by: 0.5)
            let x = tape.add(m, s)
            beforePrevious = previous
            previous = x
        }
        tape.backward(from: previous)
        return (tape.value(of: previous), tape.adjoint(of: x0), tape.adjoint(of: x1))
    }

    public func run(_ settings: BenchSettings) -> [BenchLine] {
        var tape = Tape()
        return Self.sizes(quick: settings.isQuick).map { k in
            var result = (f: Double.nan, dfdx0: Double.nan, dfdx1: Double.nan)
            let nanoseconds = settings.measure { result = Self.evaluate(k: k, on: &tape) }
            let edges = 5 * (k - 2)
            let expected = Self.expected[k] ?? (.nan, .nan, .nan)
            // The peers differ by up to 6e-14 at K = 10⁶ (fused multiply-adds in C).
            let tolerance = 1e-9
            return BenchLine(workload: name, k: k, unit: "edge", n: edges,
                             nanosecondsPerUnit: nanoseconds / Double(edges), checks: [
                Check("f", result.f, expected: expected.f, tolerance: tolerance),
                Check("dfdx0", result.dfdx0, expected: expected.dfdx0, tolerance: tolerance),
                Check("dfdx1", result.dfdx1, expected: expected.dfdx1, tolerance: tolerance),
            ])
        }
    }
}
