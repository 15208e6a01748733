extension ExplorerState {
    /// The runs as views draw them, the active one last so it is drawn on
    /// top. A lone run uses the path colour; racing runs get one colour each.
    public var traces: [RunTrace] {
        let all = runs.enumerated().map { index, run in
            RunTrace(run: run, role: isRace ? .series(index) : .path, label: run.optimizer.kind.displayName)
        }
        return all.enumerated().filter { $0.offset != activeRunIndex }.map(\.element) + [all[activeRunIndex]]
    }
}
