// Parsing, not reading: the executable reads the file and passes its text
// here, so DescentCore does no file I/O and tests need no files.

extension Dataset {
    /// A data set from CSV text with a header row.
    ///
    ///     x,   y
    ///     0.2, 0.9
    ///     "0.6", 1.4
    ///
    /// - Parameters:
    ///   - text: the file's contents (see `CSVTable` for the accepted syntax).
    ///   - file: the file's name as the person gave it, for error messages.
    ///   - target: the target column's name; nil for the last column.
    ///   - features: the feature columns' names, in the order the model sees
    ///     them; nil for every column except the target, in file order.
    ///     Columns that are neither are ignored (they may hold text).
    ///   - loss: the loss the data is for; its targets are checked with
    ///     `LossFunction.accepts(target:)` (labels in [0, 1] for
    ///     cross-entropy).
    /// - Throws: `CSVError`, naming the file, line and column of the first
    ///   problem found: an empty file, a missing header, empty or repeated
    ///   column names, a single column, unknown column names (with a
    ///   suggestion), no data rows, rows with the wrong number of cells, and
    ///   cells that are empty, not numbers, not finite, or not valid targets.
    /// - Complexity: O(length of `text`).
    public init(csv text: String, file: String, target: String? = nil, features: [String]? = nil,
                loss: LossFunction = .meanSquaredError) throws(CSVError) {
        func failure(_ problem: CSVError.Problem, at line: Int? = nil, _ column: Int? = nil) -> CSVError {
            CSVError(file: file, line: line, column: column, problem: problem)
        }
        let table = try CSVTable(parsing: text, file: file)
        guard let header = table.rows.first else { throw failure(.emptyFile) }
        let names = header.cells.map(\.text)
        let headerLine = header.line

        if header.cells.allSatisfy({ !$0.text.isEmpty && Self.number(in: $0.text) != nil }) {
            throw failure(.missingHeader(cellCount: names.count), at: headerLine)
        }
        var firstColumn: [String: Int] = [:]
        for cell in header.cells {
            guard !cell.text.isEmpty else { throw failure(.emptyColumnName, at: headerLine, cell.column) }
            if let earlier = firstColumn[cell.text] {
                throw failure(.duplicateColumn(name: cell.text, firstColumn: earlier), at: headerLine, cell.column)
            }
            firstColumn[cell.text] = cell.column
        }
        guard names.count >= 2 else { throw failure(.tooFewColumns, at: headerLine) }

        func index(of name: String) throws(CSVError) -> Int {
            guard let column = firstColumn[name] else {
                let suggestion = DidYouMean.suggestion(for: name, among: names)
                throw failure(.unknownColumn(name: name, columns: names, suggestion: suggestion), at: headerLine)
            }
            return column - 1
        }
        let targetIndex = try target.map { name throws(CSVError) in try index(of: name) } ?? names.count - 1
        var featureIndices: [Int] = []
        if let features {
            guard !features.isEmpty else { throw failure(.noFeatures, at: headerLine) }
            for name in features {
                let column = try index(of: name)
                if column == targetIndex { throw failure(.targetAmongFeatures(name: name), at: headerLine) }
                if featureIndices.contains(column) { throw failure(.duplicateFeature(name: name), at: headerLine) }
                featureIndices.append(column)
            }
        } else {
            featureIndices = names.indices.filter { $0 != targetIndex }
        }

        let rows = table.rows.dropFirst()
        guard !rows.isEmpty else { throw failure(.noDataRows) }
        var values: [Double] = [], targets: [Double] = []
        values.reserveCapacity(rows.count * featureIndices.count)
        targets.reserveCapacity(rows.count)
        for row in rows {
            guard row.cells.count == names.count else {
                throw failure(.wrongCellCount(found: row.cells.count, expected: names.count), at: row.line)
            }
            for column in featureIndices { values.append(try Self.value(of: row.cells[column], file: file)) }
            let cell = row.cells[targetIndex]
            let value = try Self.value(of: cell, file: file)
            guard loss.accepts(target: value) else {
                throw failure(.targetOutOfRange(text: cell.text, loss: loss), at: cell.line, cell.column)
            }
            targets.append(value)
        }
        self.init(featureCount: featureIndices.count, features: values, targets: targets,
                  featureNames: featureIndices.map { names[$0] }, targetName: names[targetIndex])
    }

    /// The finite number in a cell, or the error saying why there is none.
    private static func value(of cell: CSVTable.Cell, file: String) throws(CSVError) -> Double {
        let text = cell.text.trimmingBlanks
        func failure(_ problem: CSVError.Problem) -> CSVError {
            CSVError(file: file, line: cell.line, column: cell.column, problem: problem)
        }
        guard !text.isEmpty else { throw failure(.emptyCell) }
        guard let number = number(in: text) else { throw failure(.notANumber(text: text)) }
        guard number.isFinite else { throw failure(.notFinite(text: text)) }
        return number
    }

    /// `text` read as a decimal (or hexadecimal) floating-point number.
    private static func number(in text: String) -> Double? {
        Double(wholeText: text.trimmingBlanks)
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingBlanks: String {
        let blanks: Set<Character> = [" ", "\t"]
        guard let first = firstIndex(where: { !blanks.contains($0) }),
              let last = lastIndex(where: { !blanks.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}
