extension ViewRegion {
    /// The region moved by fractions of its size (positive: right and up).
    public func panned(horizontal: Double, vertical: Double) -> ViewRegion {
        let du = width * horizontal, dv = height * vertical
        return ViewRegion(horizontal: (self.horizontal.lowerBound + du)...(self.horizontal.upperBound + du),
                          vertical: (self.vertical.lowerBound + dv)...(self.vertical.upperBound + dv))
    }

    /// The region scaled about its centre by `factor` (below 1 zooms in).
    /// Widths are kept within 1e-9…1e9 so a held key cannot collapse or
    /// overflow the view. `keepingVertical` leaves the vertical axis alone
    /// (a loss curve scales its own vertical axis).
    public func zoomed(by factor: Double, keepingVertical: Bool = false) -> ViewRegion {
        func scaled(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
            let centre = (range.lowerBound + range.upperBound) / 2
            let half = min(max((range.upperBound - range.lowerBound) * factor / 2, 5e-10), 5e8)
            return (centre - half)...(centre + half)
        }
        return ViewRegion(horizontal: scaled(horizontal), vertical: keepingVertical ? vertical : scaled(vertical))
    }

    /// The smallest region holding `points`, padded by `margin` of its size
    /// on every side; nil when no point is finite.
    public static func enclosing(_ points: [PlanePoint], margin: Double = 0.1) -> ViewRegion? {
        let finite = points.filter { $0.u.isFinite && $0.v.isFinite }
        guard let first = finite.first else { return nil }
        var low = first, high = first
        for point in finite {
            low = PlanePoint(u: min(low.u, point.u), v: min(low.v, point.v))
            high = PlanePoint(u: max(high.u, point.u), v: max(high.v, point.v))
        }
        let width = max(high.u - low.u, 1e-6), height = max(high.v - low.v, 1e-6)
        return ViewRegion(horizontal: (low.u - margin * width)...(high.u + margin * width),
                          vertical: (low.v - margin * height)...(high.v + margin * height))
    }
}
