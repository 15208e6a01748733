import DescentCore

/// Everything the explorer shows, as one value. Changed only by `apply`.
public struct ExplorerState: Sendable {
    public let scenario: Scenario
    public internal(set) var run: TrainingRun
    /// The part of the weight plane on screen.
    public internal(set) var region: ViewRegion
    public internal(set) var size: TerminalSize
    public internal(set) var isPlaying = false
    /// Play speed.
    public var stepsPerSecond = 15.0
    public internal(set) var isShowingHelp = false
    public internal(set) var isQuitting = false
    /// The latest sampled surface; may be for an older request while a new
    /// one is being sampled.
    public internal(set) var surface: SurfaceGrid?
    /// A one-line notice for the message line (what just happened and why).
    public internal(set) var message: String?
    /// Fractional steps owed by play between ticks.
    var playBacklog = 0.0

    public init(scenario: Scenario, size: TerminalSize) {
        self.scenario = scenario
        run = scenario.makeRun()
        region = scenario.region
        self.size = size
    }

    /// The layout for the current size, or nil when the terminal is too small.
    public var layout: ExplorerLayout? { ExplorerLayout(size: size) }

    /// The surface grid the current layout and region need.
    public var surfaceRequest: SurfaceRequest? {
        guard let layout else { return nil }
        return SurfaceRequest(region: region, columns: layout.surfaceMap.width, rows: layout.surfaceMap.height)
    }

    /// Whether `surface` is out of date for the current view.
    public var needsSurface: Bool {
        guard let request = surfaceRequest else { return false }
        return !request.isSatisfied(by: surface)
    }
}

/// The grid a surface view needs: the region, sampled one value per cell.
public struct SurfaceRequest: Sendable, Equatable, Hashable {
    public let region: ViewRegion
    public let columns: Int
    public let rows: Int

    public func isSatisfied(by grid: SurfaceGrid?) -> Bool {
        guard let grid else { return false }
        return grid.region == region && grid.columns == columns && grid.rows == rows
    }

    /// Samples the request on the calling thread.
    public func sample(_ scenario: Scenario) -> SurfaceGrid {
        SurfaceGrid.sample(scenario.objective, on: scenario.plane, over: region, columns: columns, rows: rows)
    }
}
