import DescentCore
import DescentUI

/// U1 frame: one full explorer frame at 200 × 60 into the in-memory screen
/// buffer: the surface from a grid sampled beforehand (as the explorer caches
/// it), the path after 100 steps, the loss curve and the panel.
/// Check: the frame is complete (60 rows, the panel at step 100, the current
/// point drawn, the heatmap under the whole map).
public struct FrameRendering: BenchWorkload {
    public let name = "U1"
    public let summary = "UI: render one 200 x 60 explorer frame from a cached surface"

    public init() {}

    public static let steps = 100

    /// The state the frame is rendered from.
    @MainActor
    public static func state() -> ExplorerState {
        var state = ExplorerState(scenario: .defaultScenario, size: TerminalSize(columns: 200, rows: 60))
        state.apply(.step(count: steps))
        state.sampleSurfaceNow()
        return state
    }

    /// Whether `frame` is a complete explorer frame of `state` after `steps`
    /// steps: every row drawn, the panel at the step, the current point, and
    /// the surface's heatmap under every cell of the map (not a placeholder).
    public static func isComplete(_ frame: ScreenBuffer, of state: ExplorerState) -> Bool {
        let text = frame.text
        guard frame.lines.count == 60, text.contains("step \(steps)"), text.contains("●"),
              let map = state.layout?.surfaceMap else { return false }
        for row in map.y..<map.maxY {
            for column in map.x..<map.maxX {
                guard case .heat = frame[column, row].style.background else { return false }
            }
        }
        return true
    }

    public func run(_ settings: BenchSettings) -> [BenchLine] {
        MainActor.assumeIsolated {
            let state = Self.state()
            var frame = ScreenBuffer(size: state.size)
            let nanoseconds = settings.measure { frame = ExplorerRenderer.render(state) }
            return [BenchLine(workload: name, unit: "frame", n: 1, nanosecondsPerUnit: nanoseconds, checks: [
                Check("complete", .flag(Self.isComplete(frame, of: state)), .exactly(.flag(true))),
            ])]
        }
    }
}
