/// Turns explorer state into a frame. Pure: the same state always gives the
/// same buffer, so views are tested by rendering and reading text.
public enum ExplorerRenderer {
    public static func render(_ state: ExplorerState) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: state.size)
        render(state, into: &buffer)
        return buffer
    }

    public static func render(_ state: ExplorerState, into buffer: inout ScreenBuffer) {
        guard let layout = state.layout else {
            TooSmallView.draw(size: state.size, minimum: ExplorerLayout.minimumSize, into: &buffer)
            return
        }
        Chrome.drawTitle(state, in: layout.title, into: &buffer)
        if state.scenario.plane.isLine {
            LossLineView(scenario: state.scenario, run: state.run, region: state.region, grid: state.surface)
                .draw(map: layout.surfaceMap, axis: layout.surfaceAxis, into: &buffer)
        } else {
            SurfaceView(scenario: state.scenario, run: state.run, region: state.region, grid: state.surface)
                .draw(map: layout.surfaceMap, axis: layout.surfaceAxis, into: &buffer)
        }
        StatsPanel(run: state.run).draw(in: layout.panel, into: &buffer)
        LossCurveView(run: state.run).draw(in: layout.lossCurve, into: &buffer)
        Chrome.drawMessage(state, in: layout.message, into: &buffer)
        Chrome.drawKeyHints(in: layout.keyHints, into: &buffer)
        if state.isShowingHelp { HelpOverlay.draw(in: buffer.bounds, into: &buffer) }
    }
}
