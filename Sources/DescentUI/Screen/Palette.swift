/// Maps colour roles to terminal colour numbers (−1 is the terminal's
/// default). One palette per colour depth; the views never see numbers.
public struct Palette: Sendable, Equatable {
    /// What the terminal can show.
    public enum Depth: Sendable, Equatable {
        /// No colour: `NO_COLOR`, `TERM=vt100`, or a monochrome theme.
        case monochrome
        /// The 8 ANSI colours.
        case basic
        /// The xterm 256-colour palette.
        case extended
    }

    public let depth: Depth

    public init(depth: Depth) { self.depth = depth }

    /// A viridis-like ramp in the xterm 6×6×6 cube: dark purple (low loss)
    /// through teal and green to yellow (high loss).
    static let heatRamp256 = [54, 60, 61, 67, 31, 37, 36, 72, 78, 114, 149, 220]
    /// The same ramp squeezed into the ANSI colours.
    static let heatRamp8 = [4, 4, 4, 6, 6, 6, 2, 2, 2, 3, 3, 1]
    /// Distinct colours for racing runs: white, orange, pink, cyan, green.
    static let series256 = [231, 208, 205, 87, 120]
    static let series8 = [7, 3, 5, 6, 2]
    /// Blue (class 0) through grey to orange (class 1), as in TensorFlow Playground.
    static let decision256 = [24, 31, 67, 102, 138, 173, 209, 166]
    static let decision8 = [4, 4, 6, 0, 0, 3, 3, 1]

    /// Foreground and background colour numbers for `style`.
    public func colors(for style: Style) -> (foreground: Int, background: Int) {
        (color(style.foreground, asBackground: false), color(style.background, asBackground: true))
    }

    public func color(_ role: ColorRole, asBackground: Bool) -> Int {
        switch depth {
        case .monochrome: return -1
        case .basic: return basicColor(role)
        case .extended: return extendedColor(role)
        }
    }

    /// Whether the role is drawn reversed in monochrome, so that selected or
    /// highlighted things stay distinguishable without colour.
    public func isReversedWithoutColor(_ role: ColorRole) -> Bool {
        depth == .monochrome && (role == .titleBar || role == .overlay)
    }

    private func extendedColor(_ role: ColorRole) -> Int {
        switch role {
        case .standard: -1
        case .text: 252
        case .dim: 244
        case .title: 231
        case .titleBar: 236
        case .accent: 81
        case .key: 221
        case .border: 240
        case .path: 231
        case .start: 231
        case .currentPoint: 196
        case .optimum: 226
        case .contour: 250
        case .lossCurve: 117
        case .good: 114
        case .warning: 214
        case .danger: 203
        case .overlay: 235
        case .heat(let level): Self.heatRamp256[min(max(level, 0), Self.heatRamp256.count - 1)]
        case .series(let index): Self.series256[((index % Self.series256.count) + Self.series256.count) % Self.series256.count]
        case .decision(let level): Self.decision256[min(max(level, 0), Self.decision256.count - 1)]
        case .dataPoint: 231
        case .residual: 203
        }
    }

    private func basicColor(_ role: ColorRole) -> Int {
        switch role {
        case .standard, .text: -1
        case .dim, .border, .contour: 7
        case .title, .path, .start: 7
        case .titleBar, .overlay: 0
        case .accent, .lossCurve: 6
        case .key, .optimum, .warning: 3
        case .currentPoint, .danger: 1
        case .good: 2
        case .heat(let level): Self.heatRamp8[min(max(level, 0), Self.heatRamp8.count - 1)]
        case .series(let index): Self.series8[((index % Self.series8.count) + Self.series8.count) % Self.series8.count]
        case .decision(let level): Self.decision8[min(max(level, 0), Self.decision8.count - 1)]
        case .dataPoint: 7
        case .residual: 1
        }
    }
}
