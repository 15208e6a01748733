import Glibc

// Ackley's local minima, for restart tallies and the map's ◇ markers, as
// Rastrigin's: one beside every pair of whole numbers in [−5, 5]², pulled a
// little towards the funnel's centre. The function is not separable, so each
// is found by Newton's method in the plane, on the closed-form gradient
// (the Hessian by central differences of it: Newton still lands where that
// gradient is zero, to the last bits).
extension ClassicFunction {
    /// ∇ of −20exp(−0.2r) − exp(½(cos 2πa + cos 2πb)), r = √(½(a² + b²)), away from r = 0.
    static func ackleyGradient(_ a: Double, _ b: Double) -> (Double, Double) {
        let r = (0.5 * (a * a + b * b)).squareRoot()
        let funnel = 2 * exp(-0.2 * r) / r
        let ripple = Double.pi * exp(0.5 * (cos(2 * Double.pi * a) + cos(2 * Double.pi * b)))
        return (funnel * a + ripple * sin(2 * Double.pi * a), funnel * b + ripple * sin(2 * Double.pi * b))
    }

    /// The local minimum beside the whole numbers (`i`, `j`), not both 0.
    static func ackleyDip(near i: Int, _ j: Int) -> [Double] {
        var a = Double(i), b = Double(j)
        let h = 1e-6
        for _ in 0..<60 {
            let (ga, gb) = ackleyGradient(a, b)
            let (ga1, gb1) = ackleyGradient(a + h, b), (ga0, gb0) = ackleyGradient(a - h, b)
            let (ga2, gb2) = ackleyGradient(a, b + h), (ga3, gb3) = ackleyGradient(a, b - h)
            let haa = (ga1 - ga0) / (2 * h), hba = (gb1 - gb0) / (2 * h)
            let hab = (ga2 - ga3) / (2 * h), hbb = (gb2 - gb3) / (2 * h)
            let determinant = haa * hbb - hab * hba
            let da = (hbb * ga - hab * gb) / determinant, db = (haa * gb - hba * ga) / determinant
            if da == 0 && db == 0 { break }
            a -= da
            b -= db
        }
        return [a, b]
    }

    /// The global minimum (the cusp at the origin) first, then one local
    /// minimum beside every other pair of whole numbers from −5 to 5, from
    /// the lowest up.
    static func ackleyMinima() -> [KnownMinimum] {
        // The formula's own order of operations, so the loss is the objective's.
        func loss(_ a: Double, _ b: Double) -> Double {
            -20 * exp(-0.2 * (0.5 * (a * a + b * b)).squareRoot())
                - exp(0.5 * (cos(2 * Double.pi * a) + cos(2 * Double.pi * b))) + M_E + 20
        }
        let locals = (-5...5).flatMap { i in (-5...5).map { j in (i, j) } }
            .filter { $0 != (0, 0) }
            .map { ackleyDip(near: $0.0, $0.1) }
            .map { KnownMinimum(point: $0, loss: loss($0[0], $0[1]), isGlobal: false,
                                label: "(\(minimumLabel($0[0])), \(minimumLabel($0[1])))") }
        return [KnownMinimum(point: [0, 0], loss: 0, isGlobal: true, label: "(0, 0)")] + lowestFirst(locals)
    }
}
