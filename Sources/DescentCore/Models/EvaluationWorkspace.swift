/// Storage for repeated evaluations of an objective: the result of the
/// latest one and the tapes it was recorded on.
///
/// A training loop (or a benchmark) keeps one workspace and passes it to
/// every `evaluate(at:batch:into:)`; the tapes keep their capacity, so after
/// the first step nothing is allocated. The tapes stay introspectable after
/// each call (a graph view may read them).
public struct EvaluationWorkspace: Sendable {
    /// The loss at the weights of the latest evaluation.
    public var loss: Double = .nan
    /// Its gradient, one component per weight.
    public var gradient: [Double] = []
    /// The scalar tape the default evaluation records on.
    public var tape = Tape()
    /// The tensor tape vectorised models record on.
    public var tensorTape = TensorTape()

    public init() {}
}
