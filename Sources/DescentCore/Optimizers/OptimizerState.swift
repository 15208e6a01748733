/// What an optimizer remembers between steps. A value, so a run can be
/// copied, rewound and branched without sharing state.
public struct OptimizerState: Sendable, Equatable {
    /// Updates applied so far (Adam's t, for bias correction).
    public var stepCount = 0
    /// SGD/Nesterov momentum buffer, RMSProp's momentum buffer.
    public var velocity: [Double] = []
    /// AdaGrad's running sum of squared gradients.
    public var squareSum: [Double] = []
    /// RMSProp's moving average of squared gradients; Adam's second moment.
    public var squareAverage: [Double] = []
    /// Adam's first moment.
    public var firstMoment: [Double] = []
    /// The rule that last updated with this state; a rule of another torch
    /// class starts afresh instead of misreading it.
    public var owner: OptimizerKind?

    public init() {}
}
