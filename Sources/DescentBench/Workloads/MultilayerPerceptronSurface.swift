import DescentCore

/// W4 surface-mlp: a slice of W2's loss surface at its starting weights,
/// `a = A1[0][0]` over 64 values and `b = A1[1][1]` over 32 values, each from
/// −3 to 3, MSE over the first 256 samples, the whole network per cell.
/// Through the core's grid evaluation on one core (the explorer splits the
/// rows over both). Check: the minimum and its cell [a index, b index].
public struct MultilayerPerceptronSurface: BenchWorkload {
    public let name = "W4"
    public let summary = "2-16-16-1 network: a 64 x 32 slice of its loss surface"

    public init() {}

    /// Every peer's figure: minimum 0.19497… at [0, 18] (on the grid's edge).
    public static let expectedMinimum = 0.19497097091646784
    public static let expectedCell = (0, 18)

    /// The slice: origin the start with both free weights at 0, one unit
    /// direction per free weight.
    public static func plane(_ model: MultilayerPerceptron) -> SurfacePlane {
        var origin = BenchData.multilayerPerceptronStart(model)
        let a = model.layers[0].weightIndex(row: 0, column: 0), b = model.layers[0].weightIndex(row: 1, column: 1)
        origin[a] = 0
        origin[b] = 0
        var first = [Double](repeating: 0, count: model.dimension), second = first
        first[a] = 1
        second[b] = 1
        return SurfacePlane(origin: origin, first: first, second: second, axisNames: ("A1[0][0]", "A1[1][1]"))
    }

    public func run(_ settings: BenchSettings) -> [BenchLine] {
        let model = BenchData.multilayerPerceptronModel()
        let plane = Self.plane(model)
        let batch = Batch.samples(Array(0..<256))
        let (columns, rows) = settings.isQuick ? (8, 4) : (64, 32)
        let us = BenchData.evenlySpaced(columns, from: -3, to: 3), vs = BenchData.evenlySpaced(rows, from: -3, to: 3)
        var values: [Double] = []
        let nanoseconds = settings.measure { values = model.losses(on: plane, us: us, vs: vs, batch: batch) }
        let found = GridMinimum(values: values, columns: columns, rows: rows)
        let expected = settings.isQuick
            ? GridMinimum(values: model.lossesPointByPoint(on: plane, us: us, vs: vs, batch: batch), columns: columns, rows: rows)
            : GridMinimum(minimum: Self.expectedMinimum, i: Self.expectedCell.0, j: Self.expectedCell.1)
        return [BenchLine(workload: name, unit: "grid", n: 1, nanosecondsPerUnit: nanoseconds,
                          checks: found.checks(expected: expected, tolerance: 1e-9))]
    }
}
