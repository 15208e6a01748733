/// One entry of the key map: the keys, what the help overlay calls them, and
/// the action they send. The key hint bar and the help overlay are both
/// generated from `KeyBinding.explorer`, so they cannot drift from behaviour.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    /// How the keys are shown ("] [").
    public let label: String
    /// What they do, in a few words.
    public let summary: String
    /// A short form for the hint bar; nil keeps the binding out of it.
    public let hint: String?
    /// The action the keys send; nil for an entry that only documents input
    /// handled elsewhere (the mouse, decoded by `ExplorerState.handle`).
    public let action: (@Sendable (Key) -> ExplorerAction)?

    public init(keys: [Key], label: String? = nil, summary: String, hint: String? = nil,
                action: (@Sendable (Key) -> ExplorerAction)? = nil) {
        self.keys = keys
        self.label = label ?? keys.map(\.label).joined(separator: " ")
        self.summary = summary
        self.hint = hint
        self.action = action
    }

    /// The explorer's key map. This is a contract: tests and later features
    /// build on these keys.
    public static let explorer: [KeyBinding] = [
        KeyBinding(keys: [.space], summary: "take one step", hint: "step") { _ in .step(count: 1) },
        KeyBinding(keys: [.character("n")], summary: "take ten steps", hint: "×10") { _ in .step(count: 10) },
        KeyBinding(keys: [.character("p")], summary: "play / pause", hint: "play") { _ in .togglePlaying },
        KeyBinding(keys: [.character("]"), .character("[")], summary: "double / halve the learning rate",
                   hint: "rate") { key in
            .scaleLearningRate(by: key == .character("]") ? 2 : 0.5)
        },
        KeyBinding(keys: [.character("M"), .character("m")], summary: "raise / lower momentum by 0.1",
                   hint: "momentum") { key in
            .adjustMomentum(by: key == .character("M") ? 0.1 : -0.1)
        },
        KeyBinding(keys: [.character("R")], summary: "reset to the start", hint: "reset") { _ in .reset },
        KeyBinding(keys: [.character("o")], summary: "next optimizer: SGD, momentum, Nesterov, AdaGrad, RMSProp, Adam",
                   hint: "optimizer") { _ in .cycleOptimizer },
        KeyBinding(keys: [.character("b")], summary: "batch size: full, mini-batch, one sample (stochastic)",
                   hint: "batch") { _ in .cycleBatchSize },
        KeyBinding(keys: [.character("u"), .character("U")], summary: "rewind one step / ten steps, exactly",
                   hint: "undo") { key in .rewind(steps: key == .character("u") ? 1 : 10) },
        KeyBinding(keys: [.character("r")], summary: "restart from a random start (earlier runs stay, dim)",
                   hint: "restart") { _ in .restart },
        KeyBinding(keys: [.left, .right, .up, .down], label: "arrows", summary: "pan the view") { key in
            switch key {
            case .left: .pan(horizontal: -0.1, vertical: 0)
            case .right: .pan(horizontal: 0.1, vertical: 0)
            case .up: .pan(horizontal: 0, vertical: 0.1)
            default: .pan(horizontal: 0, vertical: -0.1)
            }
        },
        KeyBinding(keys: [.character("+"), .character("="), .character("-")], label: "+ -",
                   summary: "zoom in / out (the surface is sampled again)", hint: "zoom") { key in
            .zoom(by: key == .character("-") ? 1.5 : 1 / 1.5)
        },
        KeyBinding(keys: [], label: "mouse", summary: "click the map to start there; the wheel zooms about the pointer"),
        KeyBinding(keys: [.character("0")], summary: "back to the scenario's view") { _ in .resetView },
        KeyBinding(keys: [.character("f")], summary: "fit the view to the paths") { _ in .fitView },
        KeyBinding(keys: [.character("d")], summary: "data view: the samples and the model's guesses",
                   hint: "data") { _ in .toggleFit },
        KeyBinding(keys: [.character("w")], summary: "learning-rate sweep: final loss for 30 rates around yours",
                   hint: "sweep") { _ in .toggleSweep },
        KeyBinding(keys: [.character("g")], summary: "graph view: the chain rule on the loss's graph",
                   hint: "graph") { _ in .toggleGraph },
        KeyBinding(keys: [.character("e"), .character("E")], summary: "backward pass: one more edge / all of it") { key in
            key == .character("e") ? .stepBackward : .completeBackward
        },
        KeyBinding(keys: [.character("c")], summary: "check the gradient against finite differences") { _ in .checkGradient },
        KeyBinding(keys: [.tab], summary: "next optimizer in a race (the one the keys tune)") { _ in .selectNextRun },
        KeyBinding(keys: [.character("s")], summary: "open a scenario: the presets and your own (type to filter)",
                   hint: "scenarios") { _ in .openPicker },
        KeyBinding(keys: [.character("T")], summary: "guided tour of the lessons, in order (T again leaves it)",
                   hint: "tour") { _ in .toggleTour },
        KeyBinding(keys: [.character(">"), .character("<")], summary: "in the tour: next / previous stop") { key in
            .moveTour(by: key == .character(">") ? 1 : -1)
        },
        KeyBinding(keys: [.character(":")], summary: "type a command: :lr 0.0123, :step 100, :ascii; :help NAME explains one",
                   hint: "command") { _ in .openCommandLine },
        KeyBinding(keys: [.character("?")], summary: "show / hide this help", hint: "help") { _ in .toggleHelp },
        KeyBinding(keys: [.character("q")], summary: "quit (Ctrl-C too)", hint: "quit") { _ in .quit },
    ]

    /// The action for `key` in the main view, if it is bound.
    public static func action(for key: Key) -> ExplorerAction? {
        for binding in explorer where binding.keys.contains(key) { return binding.action?(key) }
        return nil
    }
}
