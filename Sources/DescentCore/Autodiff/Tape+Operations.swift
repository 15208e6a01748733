#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Every primitive: its forward rule and its local derivatives side by side.
// Reading down this file is reading the table of derivatives.

extension Tape {
    /// `a + b`;  ∂/∂a = 1, ∂/∂b = 1.
    @inlinable
    public mutating func add(_ a: Node, _ b: Node) -> Node {
        record(TapeEntry(value: value(of: a) + value(of: b), operation: .add,
                         firstParent: a.index, firstPartial: 1,
                         secondParent: b.index, secondPartial: 1))
    }

    /// `a − b`;  ∂/∂a = 1, ∂/∂b = −1.
    @inlinable
    public mutating func subtract(_ a: Node, _ b: Node) -> Node {
        record(TapeEntry(value: value(of: a) - value(of: b), operation: .subtract,
                         firstParent: a.index, firstPartial: 1,
                         secondParent: b.index, secondPartial: -1))
    }

    /// `a · b`;  ∂/∂a = b, ∂/∂b = a.
    @inlinable
    public mutating func multiply(_ a: Node, _ b: Node) -> Node {
        let x = value(of: a), y = value(of: b)
        return record(TapeEntry(value: x * y, operation: .multiply,
                                firstParent: a.index, firstPartial: y,
                                secondParent: b.index, secondPartial: x))
    }

    /// `a / b`;  ∂/∂a = 1/b, ∂/∂b = −a/b².
    @inlinable
    public mutating func divide(_ a: Node, _ b: Node) -> Node {
        let x = value(of: a), y = value(of: b)
        let quotient = x / y
        return record(TapeEntry(value: quotient, operation: .divide,
                                firstParent: a.index, firstPartial: 1 / y,
                                secondParent: b.index, secondPartial: -quotient / y))
    }

    /// `−a`;  ∂/∂a = −1.
    @inlinable
    public mutating func negate(_ a: Node) -> Node {
        record(TapeEntry(value: -value(of: a), operation: .negate,
                         firstParent: a.index, firstPartial: -1))
    }

    /// `a · c` for a constant `c`;  ∂/∂a = c. One edge instead of a constant node.
    @inlinable
    public mutating func scale(_ a: Node, by c: Double) -> Node {
        record(TapeEntry(value: value(of: a) * c, operation: .scale,
                         firstParent: a.index, firstPartial: c, constant: c))
    }

    /// `a + c` for a constant `c`;  ∂/∂a = 1.
    @inlinable
    public mutating func shift(_ a: Node, by c: Double) -> Node {
        record(TapeEntry(value: value(of: a) + c, operation: .shift,
                         firstParent: a.index, firstPartial: 1, constant: c))
    }

    /// `a ^ c` for a constant exponent;  ∂/∂a = c · a^(c−1).
    ///
    /// Integer exponents work for negative `a`; a fractional exponent of a
    /// negative number is NaN, as in `pow`.
    @inlinable
    public mutating func power(_ a: Node, _ c: Double) -> Node {
        let x = value(of: a)
        let partial = c == 0 ? 0 : c * pow(x, c - 1)
        return record(TapeEntry(value: pow(x, c), operation: .power,
                                firstParent: a.index, firstPartial: partial, constant: c))
    }

    /// `a ^ b` with a variable exponent;  ∂/∂a = b · a^(b−1), ∂/∂b = a^b · ln a.
    ///
    /// Where `a ≤ 0` the exponent's derivative is taken as 0 when `a^b` is 0
    /// (the limit from the right) and NaN otherwise: `ln a` does not exist there.
    @inlinable
    public mutating func power(_ a: Node, _ b: Node) -> Node {
        let x = value(of: a), y = value(of: b)
        let result = pow(x, y)
        let partialBase = y == 0 ? 0 : y * pow(x, y - 1)
        let partialExponent: Double = x > 0 ? result * Glibc.log(x) : (result == 0 ? 0 : .nan)
        return record(TapeEntry(value: result, operation: .powerOfVariable,
                                firstParent: a.index, firstPartial: partialBase,
                                secondParent: b.index, secondPartial: partialExponent))
    }

    /// `a²`;  ∂/∂a = 2a.
    @inlinable
    public mutating func square(_ a: Node) -> Node {
        let x = value(of: a)
        return record(TapeEntry(value: x * x, operation: .square,
                                firstParent: a.index, firstPartial: 2 * x))
    }

    /// `√a`;  ∂/∂a = 1 / (2√a) (infinite at 0, NaN below).
    @inlinable
    public mutating func squareRoot(_ a: Node) -> Node {
        let root = value(of: a).squareRoot()
        return record(TapeEntry(value: root, operation: .squareRoot,
                                firstParent: a.index, firstPartial: 0.5 / root))
    }

    /// `eᵃ`;  ∂/∂a = eᵃ.
    @inlinable
    public mutating func exp(_ a: Node) -> Node {
        let e = Glibc.exp(value(of: a))
        return record(TapeEntry(value: e, operation: .exp, firstParent: a.index, firstPartial: e))
    }

    /// `ln a`;  ∂/∂a = 1/a.
    @inlinable
    public mutating func log(_ a: Node) -> Node {
        let x = value(of: a)
        return record(TapeEntry(value: Glibc.log(x), operation: .log,
                                firstParent: a.index, firstPartial: 1 / x))
    }

    /// `|a|`;  ∂/∂a = sign(a), and 0 at 0 (the subgradient PyTorch uses).
    @inlinable
    public mutating func abs(_ a: Node) -> Node {
        let x = value(of: a)
        let sign: Double = x > 0 ? 1 : (x < 0 ? -1 : 0)
        return record(TapeEntry(value: Swift.abs(x), operation: .abs,
                                firstParent: a.index, firstPartial: sign))
    }

    /// `sin a`;  ∂/∂a = cos a.
    @inlinable
    public mutating func sin(_ a: Node) -> Node {
        let x = value(of: a)
        return record(TapeEntry(value: Glibc.sin(x), operation: .sin,
                                firstParent: a.index, firstPartial: Glibc.cos(x)))
    }

    /// `cos a`;  ∂/∂a = −sin a.
    @inlinable
    public mutating func cos(_ a: Node) -> Node {
        let x = value(of: a)
        return record(TapeEntry(value: Glibc.cos(x), operation: .cos,
                                firstParent: a.index, firstPartial: -Glibc.sin(x)))
    }

    /// `tanh a`;  ∂/∂a = 1 − tanh²a.
    @inlinable
    public mutating func tanh(_ a: Node) -> Node {
        let t = Glibc.tanh(value(of: a))
        return record(TapeEntry(value: t, operation: .tanh,
                                firstParent: a.index, firstPartial: 1 - t * t))
    }

    /// `σ(a) = 1 / (1 + e⁻ᵃ)`;  ∂/∂a = σ(a)(1 − σ(a)).
    @inlinable
    public mutating func sigmoid(_ a: Node) -> Node {
        let s = Sigmoid.value(value(of: a))
        return record(TapeEntry(value: s, operation: .sigmoid,
                                firstParent: a.index, firstPartial: s * (1 - s)))
    }

    /// `max(a, 0)`;  ∂/∂a = 1 for a > 0, else 0.
    @inlinable
    public mutating func relu(_ a: Node) -> Node {
        let x = value(of: a)
        return record(TapeEntry(value: x > 0 ? x : 0, operation: .relu,
                                firstParent: a.index, firstPartial: x > 0 ? 1 : 0))
    }

    /// `min(a, b)`;  the derivative flows to the smaller side. At a tie (where
    /// min is not differentiable) each side gets ½, as in PyTorch.
    @inlinable
    public mutating func minimum(_ a: Node, _ b: Node) -> Node {
        let x = value(of: a), y = value(of: b)
        let (da, db): (Double, Double) = x < y ? (1, 0) : (x > y ? (0, 1) : (0.5, 0.5))
        return record(TapeEntry(value: Swift.min(x, y), operation: .minimum,
                                firstParent: a.index, firstPartial: da,
                                secondParent: b.index, secondPartial: db))
    }

    /// `max(a, b)`;  the derivative flows to the larger side, ½ each at a tie.
    @inlinable
    public mutating func maximum(_ a: Node, _ b: Node) -> Node {
        let x = value(of: a), y = value(of: b)
        let (da, db): (Double, Double) = x > y ? (1, 0) : (x < y ? (0, 1) : (0.5, 0.5))
        return record(TapeEntry(value: Swift.max(x, y), operation: .maximum,
                                firstParent: a.index, firstPartial: da,
                                secondParent: b.index, secondPartial: db))
    }
}

/// The logistic function, computed without overflow for large |x|.
public enum Sigmoid {
    @inlinable
    public static func value(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + Glibc.exp(-x)) }
        let e = Glibc.exp(x)
        return e / (1 + e)
    }
}
