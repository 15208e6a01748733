/// The rectangle of the weight plane a surface view shows.
public struct ViewRegion: Sendable, Equatable, Hashable {
    /// The horizontal axis (the plane's first coordinate).
    public var horizontal: ClosedRange<Double>
    /// The vertical axis (the plane's second coordinate); its upper end is
    /// drawn at the top.
    public var vertical: ClosedRange<Double>

    public init(horizontal: ClosedRange<Double>, vertical: ClosedRange<Double>) {
        precondition(horizontal.lowerBound < horizontal.upperBound && vertical.lowerBound < vertical.upperBound,
                     "a view region needs a positive width and height")
        self.horizontal = horizontal
        self.vertical = vertical
    }

    public var width: Double { horizontal.upperBound - horizontal.lowerBound }
    public var height: Double { vertical.upperBound - vertical.lowerBound }

    public func contains(_ point: PlanePoint) -> Bool {
        horizontal.contains(point.u) && vertical.contains(point.v)
    }

    /// The smallest width a view may have, relative to the size of the
    /// numbers on its axis: below it, doubles cannot tell the centres of
    /// the grid's columns apart (a double carries about 16 digits).
    public static let minimumRelativeWidth = 1e-12

    /// Whether a view can show `low...high`: both ends and the width are
    /// finite, and the width is at least `minimumRelativeWidth` of the
    /// larger end's magnitude (and positive).
    ///
    ///     ViewRegion.isShowable(-3, 3)              // true
    ///     ViewRegion.isShowable(-1e308, 1e308)      // false: the width overflows
    ///     ViewRegion.isShowable(1e20, 1e20 + 1e4)   // false: 1e-16 of its magnitude
    public static func isShowable(_ low: Double, _ high: Double) -> Bool {
        let width = high - low
        return low.isFinite && high.isFinite && width.isFinite && width > 0
            && width >= minimumRelativeWidth * max(low.magnitude, high.magnitude)
    }
}
