import DescentCore

/// W3 surface-linreg: W1's full-data loss on a 256 × 128 grid of (w, b),
/// each from −5 to 5 inclusive, through the core's grid evaluation (what the
/// explorer's heatmap calls). Check: the minimum and its cell [w index, b index].
public struct LinearRegressionSurface: BenchWorkload {
    public let name = "W3"
    public let summary = "linear regression: the loss on a 256 x 128 grid"

    public init() {}

    /// The spec's figures (every peer agrees): minimum 0.1245… at [204, 51].
    public static let expectedMinimum = 0.12451819172477309
    public static let expectedCell = (204, 51)

    /// Samples the grid; `values[j * ws.count + i]` is the loss at (ws[i], bs[j]).
    public static func sample(_ model: LinearRegression, ws: [Double], bs: [Double]) -> [Double] {
        model.losses(on: .identity(names: model.parameterNames), us: ws, vs: bs, batch: .full)
    }

    public func run(_ settings: BenchSettings) -> [BenchLine] {
        let model = LinearRegression(data: BenchData.linearRegression)
        // Quick: a coarser grid over the same range, checked against the
        // scalar path (one `loss(at:)` per cell), an independent oracle.
        let (columns, rows) = settings.isQuick ? (64, 32) : (256, 128)
        let ws = BenchData.evenlySpaced(columns, from: -5, to: 5)
        let bs = BenchData.evenlySpaced(rows, from: -5, to: 5)
        var values: [Double] = []
        let nanoseconds = settings.measure { values = Self.sample(model, ws: ws, bs: bs) }
        let found = GridMinimum(values: values, columns: columns, rows: rows)
        let expected: GridMinimum
        if settings.isQuick {
            let reference = bs.flatMap { b in ws.map { w in model.loss(at: [w, b]) } }
            expected = GridMinimum(values: reference, columns: columns, rows: rows)
        } else {
            expected = GridMinimum(minimum: Self.expectedMinimum, i: Self.expectedCell.0, j: Self.expectedCell.1)
        }
        return [BenchLine(workload: name, unit: "grid", n: 1, nanosecondsPerUnit: nanoseconds,
                          checks: found.checks(expected: expected, tolerance: 1e-9))]
    }
}

/// The first minimum of a grid in the spec's row-major order over [i, j]
/// (i the first axis, outer; j the second, inner).
public struct GridMinimum: Sendable, Equatable {
    public let minimum: Double
    public let i: Int
    public let j: Int

    public init(minimum: Double, i: Int, j: Int) {
        self.minimum = minimum
        self.i = i
        self.j = j
    }

    /// Scans `values[j * columns + i]` with i outer and j inner, so the first
    /// of equal minima wins as the spec says; NaN cells never win.
    public init(values: [Double], columns: Int, rows: Int) {
        precondition(values.count == columns * rows, "a grid needs columns × rows values")
        var best = Double.infinity, bestI = -1, bestJ = -1
        for i in 0..<columns {
            for j in 0..<rows where values[j * columns + i] < best {
                best = values[j * columns + i]
                bestI = i
                bestJ = j
            }
        }
        self.init(minimum: best, i: bestI, j: bestJ)
    }

    /// The spec's `min` and `cell` checks against `expected`.
    public func checks(expected: GridMinimum, tolerance: Double) -> [Check] {
        [Check("min", minimum, expected: expected.minimum, tolerance: tolerance),
         Check("cell", .cell(i, j), .exactly(.cell(expected.i, expected.j)))]
    }
}
