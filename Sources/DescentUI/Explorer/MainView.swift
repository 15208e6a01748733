/// What the explorer's main area shows.
public enum MainView: Sendable, Equatable {
    /// The loss surface (or curve) with the descent paths.
    case surface
    /// The computational graph and the backward pass.
    case graph
    /// The data and the model's guesses.
    case data
    /// Final loss against learning rate.
    case sweep
}
