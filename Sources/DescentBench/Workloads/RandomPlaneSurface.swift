import DescentCore

/// U2 surface: the loss of the `tiny-mlp` preset (a 2 → 4 → 1 tanh network,
/// cross-entropy on 40 XOR points) on its random, filter-normalised plane,
/// sampled at every point of a 200 × 120 grid over the preset's view, the way
/// the explorer samples a surface (`SurfaceGrid.sample`, rows split over both
/// cores). Check: every cell against one scalar `loss(at:)` per cell (quick:
/// a 40 × 24 grid, every cell; full: every 97th cell) to a relative 1e-9,
/// and the grid's minimum against the scalar loss at its cell.
public struct RandomPlaneSurface: BenchWorkload {
    public let name = "U2"
    public let summary = "UI: the tiny-mlp preset's loss on its random plane, a 200 x 120 grid on both cores"

    public init() {}

    /// The scenario the grid is sampled from.
    public static let scenarioName = "tiny-mlp"

    /// The grid's columns and rows.
    public static func size(quick: Bool) -> (columns: Int, rows: Int) { quick ? (40, 24) : (200, 120) }

    public func run(_ settings: BenchSettings) -> [BenchLine] {
        let (columns, rows) = Self.size(quick: settings.isQuick)
        guard let scenario = try? Presets.scenario(named: Self.scenarioName) else {
            return [BenchLine(workload: name, unit: "grid", n: 1, nanosecondsPerUnit: .nan, checks: [
                Check("preset", .flag(false), .exactly(.flag(true))),
            ])]
        }
        var grid: SurfaceGrid?
        let nanoseconds = settings.measure {
            grid = SurfaceGrid.sample(scenario.objective, on: scenario.plane, over: scenario.region,
                                      columns: columns, rows: rows)
        }
        let values = grid?.values ?? []
        // The oracle: the scalar forward pass at the very weights of a cell.
        let stride = settings.isQuick ? 1 : 97
        let (us, vs) = SurfaceGrid.centres(columns: columns, rows: rows, region: scenario.region)
        var worst = 0.0
        for index in Swift.stride(from: 0, to: values.count, by: stride) {
            let point = PlanePoint(u: us[index % columns], v: vs[index / columns])
            let reference = scenario.objective.loss(at: scenario.plane.weights(at: point))
            let difference = Swift.abs(values[index] - reference) / Swift.max(Swift.abs(reference), 1e-300)
            worst = Swift.max(worst, difference.isNaN ? .infinity : difference)
        }
        // The grid's minimum, against the scalar loss at that very cell.
        var minimum = Double.infinity, cell = 0
        for (index, value) in values.enumerated() where value < minimum {
            minimum = value
            cell = index
        }
        let minimumPoint = PlanePoint(u: us.isEmpty ? .nan : us[cell % columns], v: vs.isEmpty ? .nan : vs[cell / columns])
        let minimumReference = scenario.objective.loss(at: scenario.plane.weights(at: minimumPoint))
        return [BenchLine(workload: name, unit: "grid", n: 1, nanosecondsPerUnit: nanoseconds, checks: [
            Check("agrees", .flag(values.count == columns * rows && worst <= 1e-9), .exactly(.flag(true))),
            Check("min", minimum, expected: minimumReference, tolerance: 1e-9),
        ])]
    }
}
