import DescentCore

extension ExplorerState {
    /// The active run in one plain sentence, for the message line while
    /// narration is on: a screen reader reads the line that changed, and this
    /// line says in words what the panel, the map and the loss curve show.
    /// Most important first, so a narrow line keeps what matters:
    /// "Step 26 · loss 1.412, down 2.6% · running · w 0.6133, b 2.84 ·
    /// gradient norm 1.02 · goal 574 steps left".
    public var narration: String {
        if let reason = stoppedReason { return reason }
        let record = run.current
        var parts = [(isRace ? "\(run.optimizer.kind.displayName), step " : "Step ") + "\(record.step)"]
        var loss = "loss \(Format.number(record.loss))"
        if record.step > 0, let previous = run.history.record(atOrBefore: record.step - 1),
           previous.loss.isFinite, previous.loss != 0 {
            let change = (record.loss - previous.loss) / Swift.abs(previous.loss) * 100
            if change < 0 {
                loss += ", down \(Format.number(-change, digits: 2))%"
            } else if change > 0 {
                loss += ", up \(Format.number(change, digits: 2))%"
            } else {
                loss += ", unchanged"
            }
        }
        parts.append(loss)
        switch run.status {
        case .converged(let step): parts.append("converged at step \(step)")
        case .running, .diverged: parts.append(run.status.name)
        }
        let names = run.objective.parameterNames
        // A network's many weights are no sentence; the plane's position is on the map.
        if names.count <= 2 {
            parts.append(zip(names, record.weights).map { "\($0) \(Format.number($1))" }.joined(separator: ", "))
        }
        parts.append("gradient norm \(Format.number(record.gradientNorm))")
        if let goal = goalSummary { parts.append("goal \(goal)") }
        return parts.joined(separator: " · ")
    }
}
