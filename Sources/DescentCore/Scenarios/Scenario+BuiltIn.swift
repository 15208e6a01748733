extension Scenario {
    /// The scenario `descent` opens with no argument: the `mse-fit` preset.
    public static var defaultScenario: Scenario { mseFit }

    /// The `mse-fit` preset (scenarios/mse-fit.json): mean squared error of
    /// a straight-line fit, the (w, b) plane of `prediction = w · x + b` over
    /// eight noisy points, with the least-squares solution marked.
    public static let mseFit = Presets.builtIn("mse-fit")
}
