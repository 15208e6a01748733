// The local minima of the two egg boxes, Rastrigin and Ackley, for restart
// tallies and the map's ◇ markers: without them, every restart that settles
// in a dip counted as reaching "no known minimum", which hides the lesson
// these functions exist to teach. Each has one dip beside every pair of
// whole numbers in [−5, 5]² (pulled a little towards the centre by the
// bowl or funnel underneath). Each is found by Newton's method on the
// function's own back-propagated gradient, the Hessian by central
// differences of it; the catalog's tests then check every one as they check
// the documented minima.
extension ClassicFunction {
    static let rastriginFormula = "20 + a^2 - 10*cos(2*pi*a) + b^2 - 10*cos(2*pi*b)"
    static let ackleyFormula = "-20*exp(-0.2*sqrt(0.5*(a^2 + b^2))) - exp(0.5*(cos(2*pi*a) + cos(2*pi*b))) + e + 20"

    /// The global minimum at the origin (loss 0) first, then the dip beside
    /// every other pair of whole numbers from −5 to 5, from the lowest up.
    static func eggBoxMinima(of formula: String, name: String) -> [KnownMinimum] {
        let objective = compiled(formula, name: name)
        // Both are symmetric under a ↔ b and either sign: solve the 20 dips
        // with 0 ≤ b ≤ a and mirror them (startup pays for 20 solves, not 120).
        var points: [[Int]: [Double]] = [:]
        for i in 1...5 {
            for j in 0...i {
                let (a, b) = { let p = localMinimum(of: objective, near: [Double(i), Double(j)]); return (p[0], p[1]) }()
                for (x, y) in [(a, b), (b, a)] {
                    for (sx, sy) in [(1.0, 1.0), (-1.0, 1.0), (1.0, -1.0), (-1.0, -1.0)] {
                        let image = [sx * x, sy * y]
                        points[image.map { Int($0.rounded()) }] = image
                    }
                }
            }
        }
        var locals: [KnownMinimum] = []
        for point in points.values {
            let label = "(" + minimumLabel(point[0]) + ", " + minimumLabel(point[1]) + ")"
            locals.append(KnownMinimum(point: point, loss: objective.loss(at: point), isGlobal: false, label: label))
        }
        locals.sort { ($0.loss, $0.point[0], $0.point[1]) < ($1.loss, $1.point[0], $1.point[1]) }
        return [KnownMinimum(point: [0, 0], loss: 0, isGlobal: true, label: "(0, 0)")] + locals
    }

    /// Newton's method from `start` until the point stops moving.
    static func localMinimum(of objective: ExpressionObjective, near start: [Double]) -> [Double] {
        var point = start
        let h = 1e-6
        func gradient(_ a: Double, _ b: Double) -> [Double] { objective.evaluate(at: [a, b]).gradient }
        for _ in 0..<50 {
            let (a, b) = (point[0], point[1])
            let g = gradient(a, b)
            let (right, left) = (gradient(a + h, b), gradient(a - h, b))
            let (up, down) = (gradient(a, b + h), gradient(a, b - h))
            let haa = (right[0] - left[0]) / (2 * h), hba = (right[1] - left[1]) / (2 * h)
            let hab = (up[0] - down[0]) / (2 * h), hbb = (up[1] - down[1]) / (2 * h)
            let determinant = haa * hbb - hab * hba
            let step = [(hbb * g[0] - hab * g[1]) / determinant, (haa * g[1] - hba * g[0]) / determinant]
            point = [a - step[0], b - step[1]]
            // Converged to within a few ulps: further steps only trade the last bits back and forth.
            if Swift.max(Swift.abs(step[0]), Swift.abs(step[1])) <= 1e-15 * Swift.max(1, Swift.abs(a), Swift.abs(b)) {
                break
            }
        }
        return point
    }

    /// Three decimals, as the catalog's other labels: "-0.995", "0".
    static func minimumLabel(_ value: Double) -> String {
        let thousandths = (value * 1000).rounded()
        if thousandths == 0 { return "0" }
        let text = "\(thousandths / 1000)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
