/// The open scenario picker: what is typed to filter, and which match is
/// selected.
public struct ScenarioPicker: Sendable, Equatable {
    public var filter = ""
    public var selection = 0

    public init() {}
}
