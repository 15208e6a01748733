/// A point on a `SurfacePlane`.
public struct PlanePoint: Sendable, Equatable, Hashable {
    public var u: Double
    public var v: Double
    public init(u: Double, v: Double) {
        self.u = u
        self.v = v
    }
}

/// A 2-D plane through weight space: `weights(u, v) = origin + u·first + v·second`.
///
/// For a two-weight model it is the identity (u is the first weight, v the
/// second). For a larger model it is a slice (two chosen weights free) or the
/// plane spanned by two random directions through the current weights.
public struct SurfacePlane: Sendable, Equatable {
    public let origin: [Double]
    public let first: [Double]
    public let second: [Double]
    /// The axis labels (weight names, or "direction 1" for random planes).
    public let axisNames: (String, String)

    public init(origin: [Double], first: [Double], second: [Double], axisNames: (String, String)) {
        precondition(origin.count == first.count && origin.count == second.count,
                     "a plane's origin and directions need the same dimension")
        self.origin = origin
        self.first = first
        self.second = second
        self.axisNames = axisNames
    }

    /// The identity plane of a two-weight objective.
    public static func identity(names: [String]) -> SurfacePlane {
        precondition(names.count == 2, "the identity plane needs exactly two weights")
        return SurfacePlane(origin: [0, 0], first: [1, 0], second: [0, 1], axisNames: (names[0], names[1]))
    }

    /// The line of a one-weight objective: u is the weight; v is unused
    /// (views plot the loss itself upwards).
    public static func line(name: String) -> SurfacePlane {
        SurfacePlane(origin: [0], first: [1], second: [0], axisNames: (name, "loss"))
    }

    /// Whether this is a line (a one-weight objective) rather than a plane.
    public var isLine: Bool { second.allSatisfy { $0 == 0 } }

    public static func == (lhs: SurfacePlane, rhs: SurfacePlane) -> Bool {
        lhs.origin == rhs.origin && lhs.first == rhs.first && lhs.second == rhs.second
            && lhs.axisNames == rhs.axisNames
    }

    /// The full weight vector at `point`.
    public func weights(at point: PlanePoint) -> [Double] {
        var result = origin
        for i in result.indices { result[i] += point.u * first[i] + point.v * second[i] }
        return result
    }

    /// The point of the plane nearest to `weights` (orthogonal projection,
    /// solving the 2×2 normal equations, so the directions need not be
    /// orthogonal).
    public func projection(of weights: [Double]) -> PlanePoint {
        var a = 0.0, b = 0.0, c = 0.0, p = 0.0, q = 0.0
        for i in origin.indices {
            let d = weights[i] - origin[i]
            a += first[i] * first[i]
            b += first[i] * second[i]
            c += second[i] * second[i]
            p += first[i] * d
            q += second[i] * d
        }
        if isLine { return PlanePoint(u: a == 0 ? .nan : p / a, v: 0) }
        let determinant = a * c - b * b
        guard determinant != 0 else { return PlanePoint(u: .nan, v: .nan) }
        return PlanePoint(u: (p * c - q * b) / determinant, v: (q * a - p * b) / determinant)
    }
}
