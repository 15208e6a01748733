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
}
