extension GradientCheck {
    /// Compares `objective`'s gradient by back-propagation with central
    /// differences of its loss at `point` (see `init(at:step:loss:gradient:)`).
    ///
    /// - Complexity: one recorded evaluation and 2n + 1 direct ones for n weights.
    public init(of objective: some Objective, at point: [Double], step: Double = 1e-6) {
        self.init(at: point, step: step, loss: { objective.loss(at: $0) },
                  gradient: { objective.evaluate(at: $0).gradient })
    }
}
