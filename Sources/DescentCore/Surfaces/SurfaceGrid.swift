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
    /// through the objective's grid evaluation (`losses(on:us:vs:batch:)`).
    ///
    /// - Complexity: `columns × rows` loss evaluations.
    public static func sample(_ objective: any Objective, on plane: SurfacePlane, over region: ViewRegion,
                              columns: Int, rows: Int) -> SurfaceGrid {
        let (us, vs) = centres(columns: columns, rows: rows, region: region)
        let values = objective.losses(on: plane, us: us, vs: vs, batch: .full)
        return SurfaceGrid(region: region, columns: columns, rows: rows, values: values)
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
