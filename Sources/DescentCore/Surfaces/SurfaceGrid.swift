import Dispatch
import Synchronization

/// The loss sampled on a regular grid over a view region: what a heatmap draws.
///
/// Row 0 is the top of the view (the largest v); column 0 the left (the
/// smallest u). Samples sit at cell centres.
public struct SurfaceGrid: Sendable, Equatable {
    public let region: ViewRegion
    public let columns: Int
    public let rows: Int
    /// `rows × columns` losses, row-major.
    public let values: [Double]

    public init(region: ViewRegion, columns: Int, rows: Int, values: [Double]) {
        precondition(columns > 0 && rows > 0 && values.count == columns * rows,
                     "a grid needs columns × rows values")
        self.region = region
        self.columns = columns
        self.rows = rows
        self.values = values
    }

    /// Samples `objective` over `region` of `plane`, one evaluation per cell,
    /// through the objective's grid evaluation (`losses(on:us:vs:batch:)`),
    /// its rows split over `parallelism` threads (both cores by default).
    ///
    /// - Complexity: `columns × rows` loss evaluations.
    public static func sample(_ objective: any Objective, on plane: SurfacePlane, over region: ViewRegion,
                              columns: Int, rows: Int, parallelism: Int = 2) -> SurfaceGrid {
        let (us, vs) = centres(columns: columns, rows: rows, region: region)
        let values = losses(objective, on: plane, us: us, vs: vs, batch: .full, parallelism: parallelism)
        return SurfaceGrid(region: region, columns: columns, rows: rows, values: values)
    }

    /// `objective.losses(on:us:vs:batch:)` with the rows cut into
    /// `parallelism` contiguous bands evaluated at once (Dispatch
    /// `concurrentPerform`). Each band is the same call on fewer rows, so the
    /// values equal the one-thread result bit for bit.
    ///
    /// - Complexity: `us.count × vs.count` loss evaluations over `parallelism` threads.
    public static func losses(_ objective: any Objective, on plane: SurfacePlane, us: [Double], vs: [Double],
                              batch: Batch, parallelism: Int) -> [Double] {
        let bands = Swift.max(1, Swift.min(parallelism, vs.count))
        guard bands > 1 else { return objective.losses(on: plane, us: us, vs: vs, batch: batch) }
        let results = BandResults(count: bands)
        DispatchQueue.concurrentPerform(iterations: bands) { band in
            let rows = (vs.count * band / bands)..<(vs.count * (band + 1) / bands)
            results.store(objective.losses(on: plane, us: us, vs: Array(vs[rows]), batch: batch), at: band)
        }
        return results.joined()
    }

    /// The plane coordinates of the cell centres: u per column (left to
    /// right), v per row (top to bottom).
    public static func centres(columns: Int, rows: Int, region: ViewRegion) -> (us: [Double], vs: [Double]) {
        let us = (0..<columns).map { centre(column: $0, row: 0, columns: columns, rows: rows, region: region).u }
        let vs = (0..<rows).map { centre(column: 0, row: $0, columns: columns, rows: rows, region: region).v }
        return (us, vs)
    }

    /// The plane point at the centre of a cell.
    public static func centre(column: Int, row: Int, columns: Int, rows: Int, region: ViewRegion) -> PlanePoint {
        let u = region.horizontal.lowerBound + region.width * (Double(column) + 0.5) / Double(columns)
        let v = region.vertical.upperBound - region.height * (Double(row) + 0.5) / Double(rows)
        return PlanePoint(u: u, v: v)
    }

    @inlinable
    public subscript(column: Int, row: Int) -> Double { values[row * columns + column] }

    /// The smallest and largest finite values, if any.
    public var finiteRange: ClosedRange<Double>? {
        var low = Double.infinity, high = -Double.infinity
        for value in values where value.isFinite {
            low = Swift.min(low, value)
            high = Swift.max(high, value)
        }
        return low <= high ? low...high : nil
    }
}

/// The bands of a parallel grid evaluation, each written once by its thread.
private final class BandResults: Sendable {
    private let bands: Mutex<[[Double]]>

    init(count: Int) { bands = Mutex(Array(repeating: [], count: count)) }

    func store(_ values: [Double], at band: Int) { bands.withLock { $0[band] = values } }

    func joined() -> [Double] { bands.withLock { Array($0.joined()) } }
}
