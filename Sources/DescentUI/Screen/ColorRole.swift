/// What a coloured cell means. Views pick roles; only a `Palette` turns them
/// into terminal colours, so themes, 8-colour terminals, monochrome and
/// `NO_COLOR` are each one mapping.
public enum ColorRole: Hashable, Sendable {
    /// The terminal's own colour.
    case standard
    case text
    case dim
    case title
    case titleBar
    case accent
    case key
    case border
    case path
    case start
    case currentPoint
    case optimum
    case contour
    case lossCurve
    case good
    case warning
    case danger
    case overlay
    /// The n-th run of a race (paths, points, curves).
    case series(Int)
    /// A shade of a classifier's output, 0 (surely class 0) to
    /// `ColorRole.decisionLevels − 1` (surely class 1).
    case decision(Int)
    /// A data point.
    case dataPoint
    /// The gap between a data point and the model's guess.
    case residual
    /// A heatmap band, 0 (lowest loss) to `ColorRole.heatLevels − 1`.
    case heat(Int)

    /// How many heatmap bands a surface is quantised into.
    public static let heatLevels = 12
    /// How many shades a classifier's output is drawn in.
    public static let decisionLevels = 8
}
