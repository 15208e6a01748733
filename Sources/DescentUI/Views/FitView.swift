import DescentCore

/// The data beside the model's guesses: step 1 of the story (the forward
/// pass guesses) and step 2 (the loss says how wrong).
///
/// One feature: the samples as points, the model's prediction as a curve per
/// run, and the active run's residuals as vertical segments (the loss is
/// their mean square, or the cross-entropy of the probabilities). Two
/// features: the model's output shaded over the input plane (for a
/// classifier, its probability of class 1, blue to orange), the samples on
/// top (● class 1, ○ class 0).
public struct FitView {
    public let model: any PredictiveModel
    /// The runs to draw, the active one last (on top).
    public let traces: [RunTrace]

    public init(model: any PredictiveModel, traces: [RunTrace]) {
        precondition(!traces.isEmpty, "a fit view draws at least one run")
        self.model = model
        self.traces = traces
    }

    var weights: [Double] { traces[traces.count - 1].run.weights }
    var isClassifier: Bool { model.lossFunction == .binaryCrossEntropy }

    public func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        let inner = Box.draw(rect, title: "data and the model's guesses", into: &buffer)
        guard inner.width >= 16, inner.height >= 5 else { return }
        let (plot, caption) = inner.splitBottom(1)
        switch model.data.featureCount {
        case 1: drawOneFeature(in: plot, into: &buffer)
        case 2: drawTwoFeatures(in: plot, into: &buffer)
        default:
            buffer.put("\(model.data.featureCount) input features: no picture of the data, only its loss.",
                       column: plot.x + 1, row: plot.y, style: Style(foreground: .dim), clip: plot)
        }
        buffer.put(" " + captionText(), column: caption.x, row: caption.y, style: Style(foreground: .dim), clip: caption)
    }

    func captionText() -> String {
        let loss = model.loss(at: weights)
        if isClassifier {
            let correct = (0..<model.data.count).filter { i in
                let p = model.prediction(at: weights, features: features(of: i))
                return (p >= 0.5) == (model.data.targets[i] >= 0.5)
            }.count
            return "cross-entropy \(Format.number(loss)) · \(correct) of \(model.data.count) classified right"
        }
        return "mean squared error \(Format.number(loss)) = mean of (red gap)²"
    }

    func features(of sample: Int) -> [Double] {
        (0..<model.data.featureCount).map { model.data.feature(sample, $0) }
    }

    /// The span of `values`, widened by 5% on each side (1 when flat).
    static func padded(_ values: [Double]) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return 0...1 }
        let margin = high > low ? (high - low) * 0.05 : 0.5
        return (low - margin)...(high + margin)
    }

    private func drawOneFeature(in plot: Rect, into buffer: inout ScreenBuffer) {
        let xs = (0..<model.data.count).map { model.data.feature($0, 0) }
        let xRange = Self.padded(xs)
        let dotWidth = plot.width * 2, dotHeight = plot.height * 4
        func xValue(_ dot: Int) -> Double {
            xRange.lowerBound + (Double(dot) + 0.5) / Double(dotWidth) * (xRange.upperBound - xRange.lowerBound)
        }
        let curves = traces.map { trace in
            (0..<dotWidth).map { model.prediction(at: trace.run.weights, features: [xValue($0)]) }
        }
        let yRange = isClassifier ? -0.05...1.05 : Self.padded(model.data.targets + curves[curves.count - 1])
        func dotX(_ x: Double) -> Double { (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * Double(dotWidth) }
        func dotY(_ y: Double) -> Double {
            (yRange.upperBound - y) / (yRange.upperBound - yRange.lowerBound) * Double(dotHeight - 1)
        }
        func paint(_ canvas: BrailleCanvas, _ role: ColorRole) {
            for row in 0..<plot.height {
                for column in 0..<plot.width {
                    if let scalar = canvas.character(column: column, row: row) {
                        buffer[plot.x + column, plot.y + row] = Cell(scalar, style: Style(foreground: role, isBold: true))
                    }
                }
            }
        }
        var residuals = BrailleCanvas(columns: plot.width, rows: plot.height)
        for (i, x) in xs.enumerated() {
            let guess = model.prediction(at: weights, features: [x])
            residuals.line(from: (dotX(x), dotY(model.data.targets[i])), to: (dotX(x), dotY(guess)))
        }
        paint(residuals, .residual)
        for (trace, curve) in zip(traces, curves) {
            var canvas = BrailleCanvas(columns: plot.width, rows: plot.height)
            for dot in 0..<(dotWidth - 1) {
                canvas.line(from: (Double(dot) + 0.5, dotY(curve[dot])), to: (Double(dot) + 1.5, dotY(curve[dot + 1])))
            }
            paint(canvas, traces.count == 1 ? .path : trace.role)
        }
        for (i, x) in xs.enumerated() {
            let column = Int(dotX(x)) / 2, row = Int(dotY(model.data.targets[i])) / 4
            guard column >= 0, column < plot.width, row >= 0, row < plot.height else { continue }
            let scalar: Unicode.Scalar = isClassifier && model.data.targets[i] < 0.5 ? "○" : "●"
            buffer[plot.x + column, plot.y + row] = Cell(scalar, style: Style(foreground: .dataPoint, isBold: true))
        }
        let names = (model.data.featureNames.first ?? "x", model.data.targetName)
        buffer.put(Format.number(isClassifier ? 1 : yRange.upperBound), column: plot.x, row: plot.y,
                   style: Style(foreground: .dim), clip: plot)
        buffer.put(Format.number(isClassifier ? 0 : yRange.lowerBound), column: plot.x, row: plot.maxY - 1,
                   style: Style(foreground: .dim), clip: plot)
        let axis = "\(names.0) \(Format.number(xRange.lowerBound)) to \(Format.number(xRange.upperBound)) →  \(names.1) ↑"
        buffer.put(axis, column: plot.maxX - axis.count, row: plot.maxY - 1, style: Style(foreground: .dim), clip: plot)
    }

    private func drawTwoFeatures(in plot: Rect, into buffer: inout ScreenBuffer) {
        let first = Self.padded((0..<model.data.count).map { model.data.feature($0, 0) })
        let second = Self.padded((0..<model.data.count).map { model.data.feature($0, 1) })
        func point(column: Int, row: Int) -> [Double] {
            [first.lowerBound + (Double(column) + 0.5) / Double(plot.width) * (first.upperBound - first.lowerBound),
             second.upperBound - (Double(row) + 0.5) / Double(plot.height) * (second.upperBound - second.lowerBound)]
        }
        var outputs: [Double] = []
        for row in 0..<plot.height {
            for column in 0..<plot.width { outputs.append(model.prediction(at: weights, features: point(column: column, row: row))) }
        }
        let valueRange = isClassifier ? 0...1 : Self.padded(outputs + model.data.targets)
        let levels = ColorRole.decisionLevels
        func level(_ value: Double) -> Int {
            let t = (value - valueRange.lowerBound) / (valueRange.upperBound - valueRange.lowerBound)
            return t.isFinite ? min(levels - 1, max(0, Int(t * Double(levels)))) : 0
        }
        for row in 0..<plot.height {
            for column in 0..<plot.width {
                let value = outputs[row * plot.width + column]
                buffer[plot.x + column, plot.y + row] = Cell(" ", style: Style(background: .decision(level(value))))
            }
        }
        for i in 0..<model.data.count {
            let column = Int((model.data.feature(i, 0) - first.lowerBound) / (first.upperBound - first.lowerBound)
                * Double(plot.width))
            let row = Int((second.upperBound - model.data.feature(i, 1)) / (second.upperBound - second.lowerBound)
                * Double(plot.height))
            guard column >= 0, column < plot.width, row >= 0, row < plot.height else { continue }
            let target = model.data.targets[i]
            let scalar: Unicode.Scalar = isClassifier ? (target >= 0.5 ? "●" : "○") : "•"
            var cell = buffer[plot.x + column, plot.y + row]
            cell.scalar = scalar
            cell.style.foreground = isClassifier ? .dataPoint : .decision(level(target))
            cell.style.isBold = true
            buffer[plot.x + column, plot.y + row] = cell
        }
    }
}
