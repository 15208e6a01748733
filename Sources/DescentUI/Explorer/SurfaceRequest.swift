import DescentCore

/// The grid a surface view needs: the region, sampled one value per cell.
public struct SurfaceRequest: Sendable, Equatable, Hashable {
    public let region: ViewRegion
    public let columns: Int
    public let rows: Int

    public init(region: ViewRegion, columns: Int, rows: Int) {
        self.region = region
        self.columns = columns
        self.rows = rows
    }

    public func isSatisfied(by grid: SurfaceGrid?) -> Bool {
        guard let grid else { return false }
        return grid.region == region && grid.columns == columns && grid.rows == rows
    }

    /// Samples the request on the calling thread.
    public func sample(_ scenario: Scenario) -> SurfaceGrid {
        SurfaceGrid.sample(scenario.objective, on: scenario.plane, over: region, columns: columns, rows: rows)
    }
}
