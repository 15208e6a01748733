extension ViewRegion {
    /// The region moved by fractions of its size (positive: right and up).
    public func panned(horizontal: Double, vertical: Double) -> ViewRegion {
        let du = width * horizontal, dv = height * vertical
        return Self.showable(horizontal: (self.horizontal.lowerBound + du, self.horizontal.upperBound + du),
                             vertical: (self.vertical.lowerBound + dv, self.vertical.upperBound + dv)) ?? self
    }

    /// The region scaled about its centre by `factor` (below 1 zooms in).
    /// Widths are kept within 1e-9…1e9, and above `minimumRelativeWidth` of
    /// the centre's magnitude, so a held key cannot collapse or overflow the
    /// view, however far it was panned. `keepingVertical` leaves the
    /// vertical axis alone (a loss curve scales its own vertical axis).
    public func zoomed(by factor: Double, keepingVertical: Bool = false) -> ViewRegion {
        func scaled(_ range: ClosedRange<Double>) -> (Double, Double) {
            let centre = range.lowerBound / 2 + range.upperBound / 2
            let narrowest = max(5e-10, centre.magnitude * Self.minimumRelativeWidth)
            let half = min(max((range.upperBound - range.lowerBound) * factor / 2, narrowest), 5e8)
            return (centre - half, centre + half)
        }
        let kept = (vertical.lowerBound, vertical.upperBound)
        return Self.showable(horizontal: scaled(horizontal), vertical: keepingVertical ? kept : scaled(vertical)) ?? self
    }

    /// The region scaled by `factor` about `point`, which keeps its place
    /// in the view (the mouse wheel zooms about the pointer).
    public func zoomed(by factor: Double, about point: PlanePoint, keepingVertical: Bool = false) -> ViewRegion {
        let scaled = zoomed(by: factor, keepingVertical: keepingVertical)
        // Shift so `point` sits at the same fraction of the view as before.
        let u = (point.u - horizontal.lowerBound) / width, v = (point.v - vertical.lowerBound) / height
        let left = point.u - u * scaled.width, bottom = point.v - v * scaled.height
        return ViewRegion(horizontal: left...(left + scaled.width),
                          vertical: keepingVertical ? vertical : bottom...(bottom + scaled.height))
    }

    /// The smallest region holding `points`, padded by `margin` of its size
    /// on every side (at least 1e-6, or 1e-9 of the coordinates' magnitude,
    /// wide); nil when no point is finite or the points are too far out for
    /// a view (1e300).
    public static func enclosing(_ points: [PlanePoint], margin: Double = 0.1) -> ViewRegion? {
        let finite = points.filter { $0.u.isFinite && $0.v.isFinite }
        guard let first = finite.first else { return nil }
        var low = first, high = first
        for point in finite {
            low = PlanePoint(u: min(low.u, point.u), v: min(low.v, point.v))
            high = PlanePoint(u: max(high.u, point.u), v: max(high.v, point.v))
        }
        func padded(_ low: Double, _ high: Double) -> (Double, Double) {
            let narrowest = max(1e-6, max(low.magnitude, high.magnitude) * 1e-9)
            let size = max(high - low, narrowest)
            return (low - margin * size, high + margin * size)
        }
        return showable(horizontal: padded(low.u, high.u), vertical: padded(low.v, high.v))
    }

    /// A region with these ends, or nil when either axis is not
    /// `isShowable` (computed ends that overflowed or collapsed).
    static func showable(horizontal: (Double, Double), vertical: (Double, Double)) -> ViewRegion? {
        guard isShowable(horizontal.0, horizontal.1), isShowable(vertical.0, vertical.1) else { return nil }
        return ViewRegion(horizontal: horizontal.0...horizontal.1, vertical: vertical.0...vertical.1)
    }
}
