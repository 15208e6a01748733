extension ExplorerState {
    /// The runs as views draw them, the active one last so it is drawn on
    /// top. A lone run uses the path colour; racing runs get one colour each.
    public var traces: [RunTrace] {
        let all = runs.indices.map { index in
            RunTrace(run: runs[index], role: isRace ? .series(index) : .path, label: label(ofRun: index))
        }
        return all.enumerated().filter { $0.offset != activeRunIndex }.map(\.element) + [all[activeRunIndex]]
    }

    /// Every run in order (not reordered), as the race table lists them.
    public var raceTraces: [RunTrace] {
        runs.indices.map { RunTrace(run: runs[$0], role: .series($0), label: label(ofRun: $0)) }
    }

    /// The scenario's label for a racing run ("Adam", "batch 8"), or the optimizer's name.
    public func label(ofRun index: Int) -> String {
        let labels = scenario.raceLabels
        return isRace && index < labels.count ? labels[index] : runs[index].optimizer.kind.displayName
    }
}
