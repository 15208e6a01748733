/// Where each part of the explorer goes for a terminal size.
///
///     ┌ title ─────────────────────────────────────────────┐
///     │ surface (heatmap, contours, path)  │ numbers panel  │
///     │                                    ├────────────────┤
///     │                                    │ loss curve     │
///     │ axis labels                        │                │
///     ├ message line ───────────────────────────────────────┤
///     └ key hints ──────────────────────────────────────────┘
public struct ExplorerLayout: Sendable, Equatable {
    /// The smallest terminal the layout fits.
    public static let minimumSize = TerminalSize(columns: 64, rows: 20)

    public let title: Rect
    /// The surface view: the map plus its axis line.
    public let surface: Rect
    /// The heatmap cells (one grid sample each).
    public let surfaceMap: Rect
    public let surfaceAxis: Rect
    public let panel: Rect
    /// The race table (empty unless several optimizers race).
    public let race: Rect
    public let lossCurve: Rect
    /// The tour's caption (empty outside a tour).
    public let caption: Rect
    public let message: Rect
    public let keyHints: Rect

    /// Nil when `size` is smaller than `minimumSize`. `raceRows` is the
    /// number of racing runs (0 for a single run).
    public init?(size: TerminalSize, raceRows: Int = 0, panelRows: Int = 11, captionRows: Int = 0) {
        guard size.columns >= Self.minimumSize.columns, size.rows >= Self.minimumSize.rows else { return nil }
        let screen = Rect(x: 0, y: 0, width: size.columns, height: size.rows)
        let (title, belowTitle) = screen.splitTop(1)
        let (aboveFooter, footer) = belowTitle.splitBottom(2)
        let (body, caption) = aboveFooter.splitBottom(captionRows)
        let (message, keyHints) = footer.splitTop(1)
        // The side column keeps a readable width; the surface takes the rest.
        let sideWidth = min(max(30, size.columns * 2 / 5), 56)
        let (surface, side) = body.splitLeft(body.width - sideWidth)
        let (surfaceMap, surfaceAxis) = surface.splitBottom(1)
        // The panel gets its full height when the loss curve keeps at least 8
        // rows; otherwise it shrinks and drops its least important rows.
        let panelHeight = min(panelRows + 2, max(9, side.height - 8))
        let (panel, belowPanel) = side.splitTop(panelHeight)
        // The race table takes a row per run when the loss curve keeps 6 rows.
        let raceHeight = raceRows > 0 ? min(raceRows + 2, max(0, belowPanel.height - 6)) : 0
        let (race, lossCurve) = belowPanel.splitTop(raceHeight)
        self.title = title
        self.surface = surface
        self.surfaceMap = Rect(x: surfaceMap.x, y: surfaceMap.y, width: surfaceMap.width - 1, height: surfaceMap.height)
        self.surfaceAxis = surfaceAxis
        self.panel = panel
        self.race = race
        self.lossCurve = lossCurve
        self.caption = caption
        self.message = message
        self.keyHints = keyHints
    }
}
