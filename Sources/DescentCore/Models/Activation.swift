/// The non-linearity a neuron applies to its weighted sum `z = w·x + b`.
public enum Activation: Sendable, Equatable, CaseIterable {
    /// `σ(z) = 1 / (1 + e⁻ᶻ)`, output in (0, 1); flat (a plateau) for large |z|.
    case sigmoid
    /// `tanh z = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)`, output in (−1, 1); `tanh z = 2σ(2z) − 1`.
    case tanh
    /// `max(z, 0)`: zero gradient for z < 0 (a "dead" unit stays dead).
    case relu

    /// The name a person reads.
    public var displayName: String {
        switch self {
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        case .relu: "ReLU"
        }
    }

    /// The activation of `z`, recorded by `e`.
    @inlinable
    public func apply<E: ScalarEvaluator>(_ z: E.Value, in e: inout E) -> E.Value {
        switch self {
        case .sigmoid: e.sigmoid(z)
        case .tanh: e.tanh(z)
        case .relu: e.relu(z)
        }
    }
}
