/// A loss over named weights: what descent minimises.
///
/// A conforming type writes its forward pass once, generic over
/// `ScalarEvaluator`. The same code then gives the plain loss (evaluated
/// directly on `Double`s) and the recorded graph whose backward pass yields
/// the gradient, so no gradient is ever derived by hand.
public protocol Objective: Sendable {
    /// One name per weight, in the order of every weight vector.
    var parameterNames: [String] { get }
    /// The samples the loss averages over; 0 for an analytic surface.
    var sampleCount: Int { get }
    /// The loss over `batch` at `weights`, computed by `evaluator`.
    func loss<E: ScalarEvaluator>(_ weights: [E.Value], batch: Batch, in evaluator: inout E) -> E.Value

    // Customisation points with default implementations (below). A model may
    // replace them with a faster path (a vectorised graph, say) as long as the
    // gradient still comes from back-propagation and the results agree.

    /// The loss at `weights`, evaluated directly (no graph recorded).
    func loss(at weights: [Double], batch: Batch) -> Double
    /// The loss and its gradient by back-propagation.
    func evaluate(at weights: [Double], batch: Batch) -> Evaluation
    /// The loss and its gradient by back-propagation, written into
    /// `workspace`, whose storage is reused from call to call: a training
    /// loop that keeps one workspace allocates nothing per step.
    func evaluate(at weights: [Double], batch: Batch, into workspace: inout EvaluationWorkspace)
    /// The loss at every point of a grid on `plane`: `values[r * us.count + c]`
    /// is the loss at `plane.weights(at: PlanePoint(u: us[c], v: vs[r]))`.
    /// What a heatmap samples; a model may evaluate a whole row at once.
    func losses(on plane: SurfacePlane, us: [Double], vs: [Double], batch: Batch) -> [Double]
}

/// A loss value with its gradient.
public struct Evaluation: Sendable, Equatable {
    public let loss: Double
    public let gradient: [Double]

    public init(loss: Double, gradient: [Double]) {
        self.loss = loss
        self.gradient = gradient
    }
}

extension Objective {
    /// The number of weights.
    public var dimension: Int { parameterNames.count }

    public func loss(at weights: [Double]) -> Double { loss(at: weights, batch: .full) }
    public func evaluate(at weights: [Double]) -> Evaluation { evaluate(at: weights, batch: .full) }

    /// The loss at `weights`, evaluated directly (no graph recorded).
    public func loss(at weights: [Double], batch: Batch) -> Double {
        var evaluator = DirectEvaluator()
        return loss(weights, batch: batch, in: &evaluator)
    }

    /// Records the loss at `weights` on `tape`; returns the output node and
    /// the weight nodes, so a view can draw the graph.
    public func record(at weights: [Double], batch: Batch = .full, on tape: inout Tape) -> (loss: Node, weights: [Node]) {
        let nodes = zip(parameterNames, weights).map { tape.variable($0.1, name: $0.0) }
        var output = loss(nodes, batch: batch, in: &tape)
        if tape.name(of: output) == nil {
            // A graph view calls the output what it is.
            if output.index <= nodes.last?.index ?? 0 { output = tape.shift(output, by: 0) }
            tape.name(output, "loss")
        }
        return (output, nodes)
    }

    /// The loss and its gradient by back-propagation, through
    /// `evaluate(at:batch:into:)` so both entry points run the same code.
    public func evaluate(at weights: [Double], batch: Batch) -> Evaluation {
        var workspace = EvaluationWorkspace()
        evaluate(at: weights, batch: batch, into: &workspace)
        return Evaluation(loss: workspace.loss, gradient: workspace.gradient)
    }

    /// The scalar-tape evaluation (`evaluateOnScalarTape`).
    public func evaluate(at weights: [Double], batch: Batch, into workspace: inout EvaluationWorkspace) {
        evaluateOnScalarTape(at: weights, batch: batch, into: &workspace)
    }

    /// Records the loss on the workspace's scalar tape (cleared, storage
    /// kept) and back-propagates: the reference every faster path must agree
    /// with, and what a model falls back to where it has none.
    ///
    /// - Complexity: O(edges of the loss's graph).
    public func evaluateOnScalarTape(at weights: [Double], batch: Batch, into workspace: inout EvaluationWorkspace) {
        workspace.tape.removeAll()
        let (output, nodes) = record(at: weights, batch: batch, on: &workspace.tape)
        workspace.tape.backward(from: output)
        workspace.loss = workspace.tape.value(of: output)
        workspace.gradient.removeAll(keepingCapacity: true)
        for node in nodes { workspace.gradient.append(workspace.tape.adjoint(of: node)) }
    }

    /// One `loss(at:batch:)` per grid point (`lossesPointByPoint`).
    public func losses(on plane: SurfacePlane, us: [Double], vs: [Double], batch: Batch) -> [Double] {
        lossesPointByPoint(on: plane, us: us, vs: vs, batch: batch)
    }

    /// One `loss(at:batch:)` per grid point: the reference for faster grid
    /// evaluations, and the fallback.
    ///
    /// - Complexity: `us.count × vs.count` loss evaluations.
    public func lossesPointByPoint(on plane: SurfacePlane, us: [Double], vs: [Double], batch: Batch) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(us.count * vs.count)
        for v in vs {
            for u in us { values.append(loss(at: plane.weights(at: PlanePoint(u: u, v: v)), batch: batch)) }
        }
        return values
    }
}
