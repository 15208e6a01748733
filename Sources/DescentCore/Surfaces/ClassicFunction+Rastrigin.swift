import Glibc

// Rastrigin's local minima, for restart tallies and the map's ◇ markers:
// without them, every restart that settles in a dip counted as reaching "no
// known minimum", which hides the lesson the function exists to teach.
//
// The function is separable, 20 + g(a) + g(b) with g(x) = x² − 10cos(2πx),
// so its minima are the pairs of g's one-dimensional minima, one near each
// whole number k (exactly 0 for k = 0, a little closer to 0 otherwise, as
// the bowl x² pulls each dip inward). Newton's method on g′ from k finds
// each to the last bit a double holds.
extension ClassicFunction {
    /// The minimum of g(x) = x² − 10cos(2πx) nearest the whole number `k`.
    static func rastriginDip(near k: Int) -> Double {
        var x = Double(k)
        for _ in 0..<50 {
            let slope = 2 * x + 20 * Double.pi * sin(2 * Double.pi * x)
            let curvature = 2 + 40 * Double.pi * Double.pi * cos(2 * Double.pi * x)
            let next = x - slope / curvature
            if next == x { break }
            x = next
        }
        return x
    }

    /// Every minimum over [−5.12, 5.12]² (one per pair of whole numbers
    /// from −5 to 5): the global one at (0, 0) first, then the rest from the
    /// lowest up.
    static func rastriginMinima() -> [KnownMinimum] {
        let dips = (-5...5).map(rastriginDip(near:))
        // The formula's own order of operations, so the loss is the objective's to the bit.
        func loss(_ a: Double, _ b: Double) -> Double {
            20 + a * a - 10 * cos(2 * Double.pi * a) + b * b - 10 * cos(2 * Double.pi * b)
        }
        let locals = dips.flatMap { a in dips.map { b in [a, b] } }
            .filter { $0 != [0, 0] }
            .map { KnownMinimum(point: $0, loss: loss($0[0], $0[1]), isGlobal: false,
                                label: "(\(minimumLabel($0[0])), \(minimumLabel($0[1])))") }
        return [KnownMinimum(point: [0, 0], loss: 0, isGlobal: true, label: "(0, 0)")] + lowestFirst(locals)
    }

    /// Minima from the lowest loss up; ties (the symmetric ones) by position.
    static func lowestFirst(_ minima: [KnownMinimum]) -> [KnownMinimum] {
        minima.sorted { ($0.loss, $0.point[0], $0.point[1]) < ($1.loss, $1.point[0], $1.point[1]) }
    }

    /// Three decimals, as the catalog's other labels: "-0.995", "0".
    static func minimumLabel(_ value: Double) -> String {
        let thousandths = (value * 1000).rounded()
        if thousandths == 0 { return "0" }
        let text = "\(thousandths / 1000)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
