/// A guided walk through presets, one stop at a time, each with a caption
/// and its scenario's goal to meet before moving on.
///
/// `Tour.standard` follows the seed's order: guess, measure,
/// back-propagate; closed form against descent; the chain rule; the
/// learning rate (too small, just right, too large, decaying); momentum;
/// batch size; local minima and restarts.
///
/// A front end keeps the index of the current stop, loads its scenario with
/// `scenario(at:)`, shows `heading(at:)` and the stop's caption, checks the
/// scenario's goal live with one `GoalTracker` per run (`goalLine(for:)`
/// words it), and moves with `index(after:)` and `index(before:)`.
public struct Tour: Sendable {
    /// The longest caption: two lines of an 80-column terminal.
    public static let maximumCaptionLength = 156

    public let stops: [TourStop]

    /// A tour of `stops`, in order; every caption at most
    /// `maximumCaptionLength` characters.
    public init(stops: [TourStop]) {
        precondition(!stops.isEmpty, "a tour needs at least one stop")
        precondition(stops.allSatisfy { $0.caption.count <= Self.maximumCaptionLength },
                     "a tour caption must fit two lines of 80 columns (\(Self.maximumCaptionLength) characters)")
        self.stops = stops
    }

    /// The number of stops.
    public var count: Int { stops.count }

    /// The stop after `index`, or nil at the last.
    public func index(after index: Int) -> Int? { index + 1 < stops.count ? index + 1 : nil }

    /// The stop before `index`, or nil at the first.
    public func index(before index: Int) -> Int? { index > 0 ? index - 1 : nil }

    /// "Tour 3 of 10 · The chain rule".
    public func heading(at index: Int) -> String {
        precondition(stops.indices.contains(index), "a tour of \(stops.count) stops has no stop \(index)")
        return "Tour \(index + 1) of \(stops.count) · \(stops[index].topic)"
    }

    /// The scenario of stop `index`, loaded from its preset.
    ///
    /// - Throws: `ScenarioError` if the preset's file is broken (the tests
    ///   load every stop, so a release never throws).
    public func scenario(at index: Int) throws(ScenarioError) -> Scenario {
        precondition(stops.indices.contains(index), "a tour of \(stops.count) stops has no stop \(index)")
        let name = stops[index].scenario
        guard let scenario = try Presets.scenario(named: name) else {
            preconditionFailure("the tour stops at \(name), which is no preset")
        }
        return scenario
    }

    /// The goal and where a run stands, on one line:
    /// "goal: reach the global minimum (within 0.01) in 30 steps · reached in 13 steps ✓".
    /// For a race, give the best of the runs' statuses (`GoalStatus.best`).
    public static func goalLine(for goal: Goal, status: GoalStatus) -> String {
        "goal: \(goal.summary) · \(status.summary(for: goal))"
    }
}

extension Tour {
    /// The tour of the seed's lessons, in its order.
    public static let standard = Tour(stops: [
        TourStop(scenario: "one-weight", topic: "Guess, measure, back-propagate",
                 caption: "Guess w, measure the loss, back-propagate its gradient, step. Press space a few times and "
                     + "watch w close in on 4."),
        TourStop(scenario: "mse-fit", topic: "Closed form against descent",
                 caption: "Least squares has a formula (◆); descent reaches the same line by steps. Press p to play, "
                     + "p again to pause."),
        TourStop(scenario: "chain-rule", topic: "The chain rule",
                 caption: "Press g for the graph and e to back-propagate one edge at a time: b's adjoint is the sum "
                     + "of its two paths."),
        TourStop(scenario: "lr-too-small", topic: "Learning rate: too small",
                 caption: "Every step is safe and tiny. Press p and count the steps; ] doubles the rate."),
        TourStop(scenario: "lr-just-right", topic: "Learning rate: just right",
                 caption: "The same bowl at 0.2: most of the way at each step, there in a dozen."),
        TourStop(scenario: "lr-too-large", topic: "Learning rate: too large",
                 caption: "At 0.36 each step overshoots further than the last. Press p to watch it diverge, then R "
                     + "and [ to tame it."),
        TourStop(scenario: "lr-decay", topic: "Learning rate: decay",
                 caption: "Start too large and shrink the rate at every step: wild at first, then it settles. Watch "
                     + "the learning rate in the panel."),
        TourStop(scenario: "ravine", topic: "Momentum",
                 caption: "Plain descent against momentum 0.9 in a narrow ravine, at the same rate. Press p: which "
                     + "arrives first?"),
        TourStop(scenario: "batch-size", topic: "Batch size",
                 caption: "One fit three ways: all 40 points, 8, or 1 per step. Press p and compare how straight "
                     + "and how settled each path is."),
        TourStop(scenario: "local-minima", topic: "Local minima and restarts",
                 caption: "Descent stops in the nearest well. Press r for random restarts until one finds the "
                     + "deepest (◆)."),
    ])
}
