import DescentCore
import Testing

/// A view region is built from numbers people and runs produce (far
/// starts, diverging paths, a thousand key presses): none of them may trap
/// the region's precondition (a positive width) or give a view with
/// infinite or indistinguishable ends.
@Suite struct `A view region survives extreme numbers` {
    static let farCentres: [Double] = [0, 1, -7.5, 1e9, 3e10, 1e15 + 0.5, 1e20, -1e20, 1e300, -1.7e308]

    func isSound(_ region: ViewRegion) -> Bool {
        ViewRegion.isShowable(region.horizontal.lowerBound, region.horizontal.upperBound)
            && ViewRegion.isShowable(region.vertical.lowerBound, region.vertical.upperBound)
    }

    @Test func `fitting points far out gives a view around them, not a trap`() throws {
        // The explorer's f after a run that converged at (1e20, 1e20): every
        // point equal, so the padded width 1e-6 vanished at that magnitude.
        let region = try #require(ViewRegion.enclosing([PlanePoint(u: 1e20, v: 1e20)]))
        #expect(isSound(region), "\(region)")
        #expect(region.contains(PlanePoint(u: 1e20, v: 1e20)))
    }

    @Test(arguments: farCentres)
    func `fitting never traps, wherever the points are`(centre: Double) {
        let points = [PlanePoint(u: centre, v: centre), PlanePoint(u: centre, v: -centre)]
        if let region = ViewRegion.enclosing(points) {
            #expect(isSound(region), "centre \(centre): \(region)")
        }
    }

    @Test func `fitting points whose padding overflows keeps no view`() {
        #expect(ViewRegion.enclosing([PlanePoint(u: -1.7e308, v: 0), PlanePoint(u: 1.7e308, v: 1)]) == nil)
        #expect(ViewRegion.enclosing([PlanePoint(u: .nan, v: .infinity)]) == nil)
    }

    @Test(arguments: farCentres)
    func `zooming in two hundred times and out again stays a sound view`(centre: Double) {
        let half = max(1, centre.magnitude * 1e-3)
        var region = ViewRegion(horizontal: (centre - half)...(centre + half), vertical: -1...1)
        for _ in 0..<200 {
            region = region.zoomed(by: 1 / 1.5)
            #expect(isSound(region), "zooming in at \(centre): \(region)")
        }
        for _ in 0..<400 {
            region = region.zoomed(by: 1.5)
            #expect(isSound(region), "zooming out at \(centre): \(region)")
        }
    }

    @Test(arguments: farCentres)
    func `zooming about a point near an edge two hundred times each way stays a sound view`(centre: Double) {
        let half = max(1, centre.magnitude * 1e-3)
        var region = ViewRegion(horizontal: (centre - half)...(centre + half), vertical: -1...1)
        for factor in [1 / 1.25, 1.25] {
            for _ in 0..<200 {
                let point = PlanePoint(u: region.horizontal.lowerBound + region.width * 0.97,
                                       v: region.vertical.lowerBound + region.height * 0.02)
                region = region.zoomed(by: factor, about: point)
                #expect(isSound(region), "zooming by \(factor) about \(point) at \(centre): \(region)")
            }
        }
    }

    @Test(arguments: farCentres)
    func `panning far in every direction stays a sound view`(centre: Double) {
        let half = max(1, centre.magnitude * 1e-3)
        var region = ViewRegion(horizontal: (centre - half)...(centre + half), vertical: (centre - half)...(centre + half))
        for _ in 0..<100 { region = region.zoomed(by: 1.5) }
        for direction in [(1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0)] {
            for _ in 0..<2_000 {
                region = region.panned(horizontal: direction.0 / 10, vertical: direction.1 / 10)
            }
            #expect(isSound(region), "panning \(direction) from \(centre): \(region)")
        }
    }

    @Test(arguments: [
        (-3.0, 3.0, true), (1e20, 1e20 + 1e9, true), (-1e308, 1e308, false), (1e20, 1e20 + 1e4, false),
        (1, 1, false), (2, 1, false), (-.infinity, 0, false), (0, .nan, false), (0, .leastNonzeroMagnitude, true),
    ])
    func `a range is showable when its width is finite and not lost in its ends' size`(
        low: Double, high: Double, expected: Bool
    ) {
        #expect(ViewRegion.isShowable(low, high) == expected, "\(low)...\(high)")
    }
}
