// libFuzzer harness for CSV data: any bytes must read as a table and a data
// set or fail with a `CSVError` naming the place, never trap or hang.
// The first byte picks the column choices, so named targets and features
// (and their mistakes) are reached too. Built by scripts/fuzz/build.sh.
import DescentCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let choice = data[0]
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    if let table = try? CSVTable(parsing: text, file: "fuzz.csv") {
        for row in table.rows { for cell in row.cells { _ = (cell.text, cell.line, cell.column) } }
    }
    let target: String? = choice & 1 == 0 ? nil : "y"
    let features: [String]? = switch choice >> 1 & 3 {
    case 0: nil
    case 1: ["x"]
    case 2: ["x", "x2"]
    default: []
    }
    let loss: LossFunction = choice & 8 == 0 ? .meanSquaredError : .binaryCrossEntropy
    do {
        let dataset = try Dataset(csv: text, file: "fuzz.csv", target: target, features: features, loss: loss)
        for row in 0..<dataset.count { _ = dataset.featureRow(row) }
    } catch {
        _ = error.description
    }
    return 0
}
