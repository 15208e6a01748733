/// One workload of `descent bench`: it runs through the core (or UI) code the
/// explorer uses, times itself and returns its JSON lines with checks.
public protocol BenchWorkload: Sendable {
    /// The name in WORKLOADS.md or issue 5 ("W1" … "W5", "U1" … "U3").
    var name: String { get }
    /// What it measures, in a few words (for `descent bench --list`).
    var summary: String { get }
    /// Runs, times and checks the workload; one line per size.
    func run(_ settings: BenchSettings) -> [BenchLine]
}

/// Every workload in the order `descent bench` runs them.
public enum BenchSuite {
    public static let workloads: [any BenchWorkload] = [
        LinearRegressionSteps(),
        MultilayerPerceptronSteps(),
        LinearRegressionSurface(),
        MultilayerPerceptronSurface(),
        GraphBackpropagation(),
        FrameRendering(),
        RandomPlaneSurface(),
        Startup(),
    ]

    /// The workloads called `names` (case-insensitive), or nil naming the
    /// first unknown one.
    public static func select(_ names: [String]) -> Result<[any BenchWorkload], UnknownWorkload> {
        if names.isEmpty { return .success(workloads) }
        var chosen: [any BenchWorkload] = []
        for name in names {
            guard let workload = workloads.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                return .failure(UnknownWorkload(name: name, known: workloads.map(\.name)))
            }
            chosen.append(workload)
        }
        return .success(chosen)
    }
}

/// A workload name `descent bench` does not know.
public struct UnknownWorkload: Error, Sendable, CustomStringConvertible {
    public let name: String
    public let known: [String]
    public var description: String { "unknown workload '\(name)' (known: \(known.joined(separator: ", ")))" }
}
