import DescentCore
import DescentUI

// The text of `descent run` and `descent sweep`: JSON Lines, CSV and aligned
// tables, written through one buffer so a million rows cost a few thousand
// writes, not a million.
//
// Numbers in JSON and CSV (`exactDecimal`: `0.05`, `-1`, `1e-05`) read back
// as the exact double. JSON has no NaN or infinity: a non-finite number
// (after divergence) is written `null` in JSON and `nan`, `inf` or `-inf` in
// CSV and tables.

/// Standard output, flushed every 64 KiB and at the end.
struct BufferedOutput {
    private var pending: [UInt8] = []

    mutating func write(_ text: String) {
        pending.append(contentsOf: text.utf8)
        if pending.count >= 65_536 { flush() }
    }

    mutating func line(_ text: String) { write(text + "\n") }

    mutating func flush() {
        guard !pending.isEmpty else { return }
        StandardStreams.output(String(decoding: pending, as: UTF8.self))
        pending.removeAll(keepingCapacity: true)
    }
}

/// How a run's records are written in each format.
struct RecordFormatter {
    let names: [String]

    /// `{"step": k, "epoch": e, "weights": {…}, "loss": …, "batchLoss": …,
    /// "gradient": {…}, "gradientNorm": …, "learningRate": …}`
    func json(_ record: StepRecord) -> String {
        "{\"step\": \(record.step), \"epoch\": \(record.epoch), \"weights\": \(JSONText.object(names, record.weights)), "
            + "\"loss\": \(JSONText.number(record.loss)), \"batchLoss\": \(JSONText.number(record.batchLoss)), "
            + "\"gradient\": \(JSONText.object(names, record.gradient)), "
            + "\"gradientNorm\": \(JSONText.number(record.gradientNorm)), "
            + "\"learningRate\": \(JSONText.number(record.learningRate))}"
    }

    /// `step,epoch,weights.a,weights.b,loss,batchLoss,gradient.a,gradient.b,gradientNorm,learningRate`
    var csvHeader: String {
        (["step", "epoch"] + names.map { "weights.\($0)" } + ["loss", "batchLoss"] + names.map { "gradient.\($0)" }
            + ["gradientNorm", "learningRate"]).map(CSVText.cell).joined(separator: ",")
    }

    func csv(_ record: StepRecord) -> String {
        (["\(record.step)", "\(record.epoch)"] + record.weights.map(CSVText.cell)
            + [CSVText.cell(record.loss), CSVText.cell(record.batchLoss)] + record.gradient.map(CSVText.cell)
            + [CSVText.cell(record.gradientNorm), CSVText.cell(record.learningRate)]).joined(separator: ",")
    }

    /// Column titles and widths of the table.
    var tableColumns: [(title: String, width: Int)] {
        [("step", 9), ("epoch", 7)] + names.map { ($0, 13) }
            + [("loss", 13), ("batch loss", 13), ("gradient norm", 14), ("learning rate", 14)]
    }

    var tableHeader: String {
        tableColumns.map { Format.padded($0.title, to: $0.width) }.joined(separator: " ")
    }

    func table(_ record: StepRecord) -> String {
        let cells = ["\(record.step)", "\(record.epoch)"] + record.weights.map(Self.short)
            + [Self.short(record.loss), Self.short(record.batchLoss), Self.short(record.gradientNorm),
               Self.short(record.learningRate)]
        return zip(cells, tableColumns).map { Format.padded($0, to: $1.width) }.joined(separator: " ")
    }

    /// Seven significant digits, for people.
    static func short(_ value: Double) -> String { Format.number(value, digits: 7) }
}
