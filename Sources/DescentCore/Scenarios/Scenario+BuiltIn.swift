extension Scenario {
    /// The scenario `descent` opens with no argument.
    public static var defaultScenario: Scenario { mseFit }

    /// Mean squared error of a straight-line fit: the (w, b) plane of
    /// `prediction = w · x + b` over eight noisy points.
    public static var mseFit: Scenario {
        let model = LinearRegression(data: Dataset(points: [
            (0.2, 0.9), (0.6, 1.4), (1.0, 2.6), (1.3, 2.7),
            (1.8, 3.6), (2.1, 4.5), (2.5, 4.9), (3.0, 6.0),
        ]))
        return Scenario(
            name: "mse-fit",
            title: "Fit a line: mean squared error over (w, b)",
            lesson: "The loss is the mean squared error of prediction = w·x + b. "
                + "Descent walks downhill to the least-squares line (marked ◆). "
                + "Press ] a few times to see a learning rate overshoot.",
            objective: model,
            region: ViewRegion(horizontal: -2...4, vertical: -2...5),
            start: [-1, 4],
            optimizer: Optimizer(.sgd, Hyperparameters(learningRate: 0.05)),
            minima: model.closedFormSolution.map {
                [KnownMinimum(point: $0, loss: model.loss(at: $0), isGlobal: true, label: "least squares")]
            } ?? [])
    }
}
