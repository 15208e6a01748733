import DescentCore

/// One run as the views draw it: its colour and its name.
public struct RunTrace: Sendable {
    public let run: TrainingRun
    public let role: ColorRole
    public let label: String

    public init(run: TrainingRun, role: ColorRole, label: String) {
        self.run = run
        self.role = role
        self.label = label
    }
}
