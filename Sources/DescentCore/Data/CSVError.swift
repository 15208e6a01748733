/// A mistake in a CSV data file, with where it is and what is allowed.
///
/// `description` reads like a compiler's message, `file:line:column:` then
/// the problem (`points.csv:7:3: 'abc' is not a number`). `line` is the line
/// of the file (1 is the header; blank lines count) and `column` the cell's
/// position in its row (1 is the first cell); either is nil when the problem
/// is not at one place.
public struct CSVError: Error, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Problem: Sendable, Equatable {
        /// No rows at all (only blank lines, or nothing).
        case emptyFile
        /// The first row holds only numbers: the header row is missing.
        case missingHeader(cellCount: Int)
        /// A header cell is empty.
        case emptyColumnName
        /// A header name repeats the name of an earlier column (1-based).
        case duplicateColumn(name: String, firstColumn: Int)
        /// The header names a single column: nothing is left for a feature.
        case tooFewColumns
        /// A chosen target or feature is not a column of the header.
        case unknownColumn(name: String, columns: [String], suggestion: String?)
        /// The target is also chosen as a feature.
        case targetAmongFeatures(name: String)
        /// A feature is chosen twice.
        case duplicateFeature(name: String)
        /// The chosen feature list is empty.
        case noFeatures
        /// A header and nothing after it.
        case noDataRows
        /// A row with more or fewer cells than the header has columns.
        case wrongCellCount(found: Int, expected: Int)
        /// A cell that should hold a number is empty.
        case emptyCell
        /// A cell that does not read as a number.
        case notANumber(text: String)
        /// A number that is infinite or NaN (or overflows a `Double`).
        case notFinite(text: String)
        /// A target the chosen loss is not defined for (a label of 2 under
        /// binary cross-entropy).
        case targetOutOfRange(text: String, loss: LossFunction)
        /// A quote opens a cell and never closes.
        case unterminatedQuote
        /// Text between a closing quote and the end of its cell.
        case textAfterQuote(text: String)
    }

    /// The file name as the person gave it (`points.csv`).
    public let file: String
    public let line: Int?
    public let column: Int?
    public let problem: Problem

    public init(file: String, line: Int? = nil, column: Int? = nil, problem: Problem) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(message)"
    }

    /// The problem in words, without the place.
    public var message: String {
        switch problem {
        case .emptyFile:
            return "the file is empty; a CSV data set starts with a header row naming its columns, such as 'x,y'"
        case .missingHeader(let cellCount):
            let names = cellCount == 1 ? ["y"] : cellCount == 2 ? ["x", "y"] : (1..<cellCount).map { "x\($0)" } + ["y"]
            return "the first row holds only numbers, so it is no header; add a header row naming the columns, "
                + "such as '\(names.joined(separator: ","))'"
        case .emptyColumnName:
            return "empty column name; every column needs a name"
        case let .duplicateColumn(name, firstColumn):
            return "the column name '\(name)' is already column \(firstColumn)'s; column names must be unique"
        case .tooFewColumns:
            return "only one column; a data set needs a target column and at least one feature column"
        case let .unknownColumn(name, columns, suggestion):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            return "no column named '\(name)'\(hint); the columns are "
                + columns.map { "'\($0)'" }.joined(separator: ", ")
        case .targetAmongFeatures(let name):
            return "'\(name)' is the target, so it cannot also be a feature"
        case .duplicateFeature(let name):
            return "the feature '\(name)' is chosen twice"
        case .noFeatures:
            return "no feature columns chosen; choose at least one"
        case .noDataRows:
            return "no data rows after the header"
        case let .wrongCellCount(found, expected):
            return "\(found) \(found == 1 ? "cell" : "cells"), but the header names \(expected) columns"
        case .emptyCell:
            return "empty cell; expected a number"
        case .notANumber(let text):
            return "'\(text)' is not a number"
        case .notFinite(let text):
            return "'\(text)' is not a finite number; every value must be finite"
        case let .targetOutOfRange(text, loss):
            return "'\(text)' is not a valid target for \(loss.displayName); "
                + (loss == .binaryCrossEntropy ? "targets must lie between 0 and 1 (labels 0 and 1)"
                                               : "targets must be finite numbers")
        case .unterminatedQuote:
            return "a quoted cell opens here and is never closed"
        case .textAfterQuote(let text):
            return "unexpected '\(text)' after the closing quote; a quoted cell ends at its closing quote "
                + "(write \"\" for a quote inside it)"
        }
    }
}
