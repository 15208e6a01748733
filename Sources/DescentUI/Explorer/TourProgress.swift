import DescentCore

/// A guided tour in progress: which tour, and which stop is open.
public struct TourProgress: Sendable {
    public let tour: Tour
    public let index: Int

    public init(tour: Tour, index: Int) {
        precondition(tour.stops.indices.contains(index), "a tour of \(tour.count) stops has no stop \(index)")
        self.tour = tour
        self.index = index
    }

    public var stop: TourStop { tour.stops[index] }
    public var isLast: Bool { tour.index(after: index) == nil }
}
