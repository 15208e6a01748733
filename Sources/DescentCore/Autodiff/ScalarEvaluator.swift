#if canImport(Glibc)
import Glibc
#endif

/// Somewhere a scalar computation can run: directly on `Double`s
/// (`DirectEvaluator`, for fast loss-only evaluation such as sampling a
/// surface) or recorded on a `Tape` (for gradients).
///
/// A model writes its forward pass once, generic over this protocol; the
/// compiler specialises it for both, so the loss the surface shows and the
/// loss the gradient is taken of can never disagree.
public protocol ScalarEvaluator {
    associatedtype Value
    mutating func constant(_ value: Double) -> Value
    mutating func add(_ a: Value, _ b: Value) -> Value
    mutating func subtract(_ a: Value, _ b: Value) -> Value
    mutating func multiply(_ a: Value, _ b: Value) -> Value
    mutating func divide(_ a: Value, _ b: Value) -> Value
    mutating func negate(_ a: Value) -> Value
    mutating func scale(_ a: Value, by c: Double) -> Value
    mutating func shift(_ a: Value, by c: Double) -> Value
    mutating func power(_ a: Value, _ c: Double) -> Value
    mutating func power(_ a: Value, _ b: Value) -> Value
    mutating func square(_ a: Value) -> Value
    mutating func squareRoot(_ a: Value) -> Value
    mutating func exp(_ a: Value) -> Value
    mutating func log(_ a: Value) -> Value
    mutating func abs(_ a: Value) -> Value
    mutating func sin(_ a: Value) -> Value
    mutating func cos(_ a: Value) -> Value
    mutating func tanh(_ a: Value) -> Value
    mutating func sigmoid(_ a: Value) -> Value
    mutating func relu(_ a: Value) -> Value
    mutating func minimum(_ a: Value, _ b: Value) -> Value
    mutating func maximum(_ a: Value, _ b: Value) -> Value
    /// Gives `value` a display name (a named step of a loss expression, so a
    /// graph view can label it); returns it. Evaluators that record nothing
    /// ignore it (the default below); `Tape` stores it.
    @discardableResult
    mutating func name(_ value: Value, _ name: String) -> Value
}

extension ScalarEvaluator {
    /// Nothing is recorded, so there is nothing to name.
    @inlinable @discardableResult
    public mutating func name(_ value: Value, _ name: String) -> Value { value }
}

extension Tape: ScalarEvaluator {
    public typealias Value = Node
}

/// Evaluates directly on `Double`s: the forward pass with nothing recorded.
public struct DirectEvaluator: ScalarEvaluator {
    public init() {}
    @inlinable public func constant(_ value: Double) -> Double { value }
    @inlinable public func add(_ a: Double, _ b: Double) -> Double { a + b }
    @inlinable public func subtract(_ a: Double, _ b: Double) -> Double { a - b }
    @inlinable public func multiply(_ a: Double, _ b: Double) -> Double { a * b }
    @inlinable public func divide(_ a: Double, _ b: Double) -> Double { a / b }
    @inlinable public func negate(_ a: Double) -> Double { -a }
    @inlinable public func scale(_ a: Double, by c: Double) -> Double { a * c }
    @inlinable public func shift(_ a: Double, by c: Double) -> Double { a + c }
    @inlinable public func power(_ a: Double, _ c: Double) -> Double { pow(a, c) }
    @inlinable public func square(_ a: Double) -> Double { a * a }
    @inlinable public func squareRoot(_ a: Double) -> Double { a.squareRoot() }
    @inlinable public func exp(_ a: Double) -> Double { Glibc.exp(a) }
    @inlinable public func log(_ a: Double) -> Double { Glibc.log(a) }
    @inlinable public func abs(_ a: Double) -> Double { Swift.abs(a) }
    @inlinable public func sin(_ a: Double) -> Double { Glibc.sin(a) }
    @inlinable public func cos(_ a: Double) -> Double { Glibc.cos(a) }
    @inlinable public func tanh(_ a: Double) -> Double { Glibc.tanh(a) }
    @inlinable public func sigmoid(_ a: Double) -> Double { Sigmoid.value(a) }
    @inlinable public func relu(_ a: Double) -> Double { a > 0 ? a : 0 }
    @inlinable public func minimum(_ a: Double, _ b: Double) -> Double { Swift.min(a, b) }
    @inlinable public func maximum(_ a: Double, _ b: Double) -> Double { Swift.max(a, b) }
}
