import DescentCore

/// Turns explorer state into a frame. Pure: the same state always gives the
/// same buffer, so views are tested by rendering and reading text.
public enum ExplorerRenderer {
    public static func render(_ state: ExplorerState) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: state.size)
        render(state, into: &buffer)
        // One pass over the finished frame: the views draw in Unicode and never need to know.
        return state.isASCII ? buffer.asciiOnly() : buffer
    }

    public static func render(_ state: ExplorerState, into buffer: inout ScreenBuffer) {
        guard let layout = state.layout else {
            TooSmallView.draw(size: state.size, minimum: ExplorerLayout.minimumSize, into: &buffer)
            return
        }
        Chrome.drawTitle(state, in: layout.title, into: &buffer)
        let traces = state.traces
        if state.mainView == .sweep, let sweep = state.sweep {
            SweepView(sweep: sweep, currentRate: state.run.optimizer.hyperparameters.learningRate,
                      startLoss: state.run.history.first?.loss ?? .nan)
                .draw(in: layout.surface, into: &buffer)
        } else if state.isShowingFit, let model = state.scenario.objective as? any PredictiveModel {
            FitView(model: model, traces: traces).draw(in: layout.surface, into: &buffer)
        } else if state.isShowingGraph {
            GraphView(scenario: state.scenario, run: state.run, stepsShown: state.backwardStepsShown,
                      scroll: state.graphScroll).draw(in: layout.surface, into: &buffer)
        } else if state.scenario.plane.isLine {
            LossLineView(scenario: state.scenario, traces: traces, region: state.region, grid: state.surface)
                .draw(map: layout.surfaceMap, axis: layout.surfaceAxis, into: &buffer)
        } else {
            SurfaceView(scenario: state.scenario, traces: traces, region: state.region, grid: state.surface,
                        restarts: state.restarts?.earlier ?? [])
                .draw(map: layout.surfaceMap, axis: layout.surfaceAxis, into: &buffer)
        }
        state.panel.draw(in: layout.panel, into: &buffer)
        if state.isRace {
            RaceTable(traces: state.raceTraces, activeIndex: state.activeRunIndex).draw(in: layout.race, into: &buffer)
        }
        LossCurveView(traces: traces).draw(in: layout.lossCurve, into: &buffer)
        if let tour = state.tour { TourCaption.draw(tour, state: state, in: layout.caption, into: &buffer) }
        Chrome.drawMessage(state, in: layout.message, into: &buffer)
        Chrome.drawKeyHints(in: layout.keyHints, into: &buffer)
        if let picker = state.picker {
            ScenarioPickerOverlay.draw(picker, library: state.library, in: buffer.bounds, into: &buffer)
        }
        if state.isShowingHelp { HelpOverlay.draw(in: buffer.bounds, lesson: state.scenario.lesson.isEmpty ? nil : state.scenario.lesson,
                                                   scroll: state.helpScroll, into: &buffer) }
    }
}
