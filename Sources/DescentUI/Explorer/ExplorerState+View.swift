import DescentCore

extension ExplorerState {
    /// A region around every path and known minimum. Paths that diverged
    /// are left out (fitting 1e300 would show nothing); a loss curve keeps
    /// its vertical axis.
    func fittedRegion() -> ViewRegion {
        var points = runs.filter { !$0.status.hasDiverged }.flatMap { run in
            run.history.records.map { scenario.plane.projection(of: $0.weights) }
        }
        points += scenario.minima.map { scenario.plane.projection(of: $0.point) }
        guard let fitted = ViewRegion.enclosing(points) else { return region }
        if scenario.plane.isLine { return ViewRegion(horizontal: fitted.horizontal, vertical: region.vertical) }
        return fitted
    }
}
