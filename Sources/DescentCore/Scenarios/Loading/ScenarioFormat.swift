/// The keys of the scenario file format, one list per kind of object, in
/// the order the documentation gives them. The loader accepts exactly these
/// (anything else is an unknown key with a did-you-mean), and a test checks
/// that `scenarios/schema.json` lists the same ones, so the schema, the
/// documentation (docs/scenarios.md) and the loader cannot drift apart.
public enum ScenarioFormat {
    /// The top-level object.
    public static let scenario = [
        "$schema", "title", "lesson", "model", "view", "start", "optimizer", "schedule", "clipping", "batch", "seed",
        "goal", "race", "restarts", "minima",
    ]
    /// A model written as a loss expression (a string, or an array of
    /// strings: its lines), optionally naming its weights in order.
    public static let expressionModel = ["expression", "weights"]
    /// A model from the catalog of classic test functions (`ClassicFunction`).
    public static let functionModel = ["function"]
    /// A model fitted to data (`type` names which).
    public static let dataModel = ["type", "data", "loss", "activation", "hidden"]
    /// Data given inline.
    public static let pointsData = ["points"]
    /// Data from a CSV file.
    public static let csvData = ["csv", "target", "features"]
    /// Generated data: `generate` plus the generator's own parameters
    /// (`generatorParameters`).
    public static let generatedData = ["generate", "count", "seed", "slope", "intercept", "noise", "inputs",
                                       "amplitude", "frequency", "first", "second", "spread", "turns"]
    /// The parameters each generator takes besides `generate` and `seed`.
    public static let generatorParameters: [(name: String, keys: [String])] = [
        ("noisy-line", ["count", "slope", "intercept", "noise", "inputs"]),
        ("sine", ["count", "amplitude", "frequency", "noise", "inputs"]),
        ("two-blobs", ["count", "first", "second", "spread"]),
        ("xor", ["count", "spread"]),
        ("two-spirals", ["count", "turns", "noise"]),
        ("moons", ["count", "noise"]),
    ]
    /// An optimizer.
    public static let optimizer = ["name", "learningRate", "momentum", "alpha", "beta1", "beta2", "epsilon"]
    /// An entry of `race`: an optimizer, optionally with its own batch size.
    public static let raceEntry = optimizer + ["batch"]
    /// A learning-rate schedule written as an object (`name` plus the
    /// parameters of `scheduleParameters`).
    public static let schedule = ["name", "every", "factor", "period", "minimum"]
    /// The parameters each schedule takes besides `name`.
    public static let scheduleParameters: [(name: String, keys: [String])] = [
        ("constant", []),
        ("step", ["every", "factor"]),
        ("exponential", ["factor"]),
        ("cosine", ["period", "minimum"]),
    ]
    /// Gradient-norm clipping.
    public static let clipping = ["maxNorm"]
    /// Random restarts.
    public static let restarts = ["count", "steps", "tolerance"]
    /// The hyperparameters each optimizer takes besides `name`.
    public static let optimizerParameters: [(name: String, keys: [String])] = [
        ("sgd", ["learningRate", "momentum"]),
        ("momentum", ["learningRate", "momentum"]),
        ("nesterov", ["learningRate", "momentum"]),
        ("adagrad", ["learningRate", "epsilon"]),
        ("rmsprop", ["learningRate", "alpha", "momentum", "epsilon"]),
        ("adam", ["learningRate", "beta1", "beta2", "epsilon"]),
    ]
    /// A goal: one condition (`reach`, `loss` or `diverge`) and a budget.
    public static let goal = ["reach", "within", "loss", "diverge", "steps"]
    /// A known minimum listed by the file.
    public static let minimum = ["at", "label", "global"]

    /// Every object of the format with its keys, named as in
    /// scenarios/schema.json: `scenario` is the top level, the others are
    /// its `$defs`. (A schedule object, `schedule`, is the object form of
    /// `$defs/schedule`.)
    public static let objects: [(definition: String, keys: [String])] = [
        ("scenario", scenario), ("expressionModel", expressionModel), ("functionModel", functionModel),
        ("dataModel", dataModel), ("pointsData", pointsData), ("csvData", csvData), ("generatedData", generatedData),
        ("randomPlaneView", planeView), ("optimizer", optimizer), ("raceEntry", raceEntry), ("schedule", schedule),
        ("clipping", clipping), ("goal", goal), ("restarts", restarts), ("minimum", minimum),
    ]

    /// The names of the loss functions (with the short forms people type).
    public static let lossNames: [(name: String, loss: LossFunction)] = [
        ("mean-squared-error", .meanSquaredError), ("mse", .meanSquaredError),
        ("binary-cross-entropy", .binaryCrossEntropy), ("bce", .binaryCrossEntropy),
    ]
    /// The names of the activations.
    public static let activationNames: [(name: String, activation: Activation)] = [
        ("sigmoid", .sigmoid), ("tanh", .tanh), ("relu", .relu),
    ]
    /// The keys each data model takes, by `type`.
    public static let dataModelParameters: [(type: String, keys: [String])] = [
        ("one-weight", ["type", "data", "loss"]),
        ("linear-regression", ["type", "data", "loss"]),
        ("neuron", ["type", "data", "loss", "activation"]),
        ("mlp", ["type", "data", "loss", "activation", "hidden"]),
    ]
    /// The view of a model with more than two weights: `plane` plus either
    /// the ranges of two weights (a slice) or `seed`, `u` and `v` (a random
    /// filter-normalised plane through the start).
    public static let planeView = ["plane", "seed", "u", "v"]
    /// The `plane` values.
    public static let planes = ["weights", "slice", "random"]
    /// The most optimizers a race can hold (one colour each).
    public static let maximumRaceSize = 5
}
