#if canImport(Glibc)
import Glibc
#endif
import DescentCore

/// Maps losses to heatmap bands on a logarithmic scale above the minimum,
/// so the contours crowd together near minima where descent does its work
/// instead of all sitting on the steep walls.
///
///     t = log(1 + (L − L_min)/s) / log(1 + (L_max − L_min)/s),  s = (L_max − L_min)/200
public struct HeatmapScale: Sendable {
    public let minimum: Double
    public let maximum: Double
    public let levels: Int

    public init(range: ClosedRange<Double>, levels: Int = ColorRole.heatLevels) {
        minimum = range.lowerBound
        maximum = range.upperBound
        self.levels = levels
    }

    /// The band of `value`, 0 … levels − 1; nil for non-finite values.
    public func band(of value: Double) -> Int? {
        guard value.isFinite else { return nil }
        let span = maximum - minimum
        guard span > 0 else { return 0 }
        let softness = span / 200
        let t = log1p(max(0, value - minimum) / softness) / log1p(span / softness)
        return min(levels - 1, max(0, Int(t * Double(levels))))
    }
}
