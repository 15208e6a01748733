// The reader walks UTF-8 bytes, not `Character`s: Swift reads "\r\n" as one
// Character, and every byte that matters here (comma, quote, CR, LF, space,
// tab) is ASCII, which never occurs inside a multi-byte UTF-8 sequence.

/// The rows of cells in CSV text, as RFC 4180 describes, read leniently:
///
/// - cells are separated by commas and rows by LF, CRLF or a lone CR;
/// - a cell may be quoted (`"a, b"`); `""` inside quotes is one quote, and a
///   quoted cell may span lines;
/// - spaces and tabs around a cell are dropped (inside quotes they are kept);
/// - blank lines (empty or only spaces and tabs) are skipped;
/// - a UTF-8 byte-order mark at the start is ignored.
///
/// Every cell remembers its line and column, so later checks can say where a
/// bad value is.
public struct CSVTable: Sendable, Equatable {
    /// One cell's text and where it starts.
    public struct Cell: Sendable, Equatable {
        /// The cell's text: unquoted, with `""` turned into `"`, without
        /// surrounding spaces and tabs.
        public let text: String
        /// The line of the file the cell starts on (1-based).
        public let line: Int
        /// The cell's position in its row (1-based).
        public let column: Int
        /// Whether the cell was written in quotes.
        public let isQuoted: Bool

        public init(text: String, line: Int, column: Int, isQuoted: Bool) {
            self.text = text
            self.line = line
            self.column = column
            self.isQuoted = isQuoted
        }
    }

    /// One non-blank row and the line it starts on.
    public struct Row: Sendable, Equatable {
        public let line: Int
        public let cells: [Cell]
    }

    /// The non-blank rows, the header (if any) first.
    public let rows: [Row]

    /// Reads `text`; `file` names it in errors.
    ///
    /// - Throws: `CSVError` for a quote that never closes or text after a
    ///   closing quote.
    /// - Complexity: O(length of `text`).
    public init(parsing text: String, file: String) throws(CSVError) {
        var reader = Reader(bytes: Array(text.utf8), file: file)
        rows = try reader.readRows()
    }
}

extension CSVTable {
    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    private struct Reader {
        let bytes: [UInt8]
        let file: String
        var position = 0
        var line = 1

        init(bytes: [UInt8], file: String) {
            self.bytes = bytes
            self.file = file
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }

        mutating func readRows() throws(CSVError) -> [Row] {
            var rows: [Row] = []
            while position < bytes.count {
                let row = try readRow()
                let isBlank = row.cells.count == 1 && !row.cells[0].isQuoted && row.cells[0].text.isEmpty
                if !isBlank { rows.append(row) }
            }
            return rows
        }

        /// Reads cells up to and including the end of the row.
        mutating func readRow() throws(CSVError) -> Row {
            let rowLine = line
            var cells: [Cell] = []
            while true {
                cells.append(try readCell(column: cells.count + 1))
                if position < bytes.count, bytes[position] == CSVTable.comma {
                    position += 1
                    continue
                }
                consumeLineBreak()
                return Row(line: rowLine, cells: cells)
            }
        }

        mutating func readCell(column: Int) throws(CSVError) -> Cell {
            skipBlanks()
            let cellLine = line
            guard position < bytes.count, bytes[position] == CSVTable.quote else {
                let start = position
                while position < bytes.count, !isCellEnd(bytes[position]) { position += 1 }
                var end = position
                while end > start, isBlank(bytes[end - 1]) { end -= 1 }
                return Cell(text: String(decoding: bytes[start..<end], as: UTF8.self), line: cellLine,
                            column: column, isQuoted: false)
            }
            position += 1
            var content: [UInt8] = []
            while true {
                guard position < bytes.count else {
                    throw CSVError(file: file, line: cellLine, column: column, problem: .unterminatedQuote)
                }
                let byte = bytes[position]
                if byte == CSVTable.quote {
                    if position + 1 < bytes.count, bytes[position + 1] == CSVTable.quote {
                        content.append(CSVTable.quote)
                        position += 2
                        continue
                    }
                    position += 1
                    break
                }
                if byte == CSVTable.lineFeed
                    || (byte == CSVTable.carriageReturn
                        && !(position + 1 < bytes.count && bytes[position + 1] == CSVTable.lineFeed)) {
                    line += 1
                }
                content.append(byte)
                position += 1
            }
            skipBlanks()
            if position < bytes.count, !isCellEnd(bytes[position]) {
                let start = position
                while position < bytes.count, !isCellEnd(bytes[position]) { position += 1 }
                var end = position
                while end > start, isBlank(bytes[end - 1]) { end -= 1 }
                throw CSVError(file: file, line: cellLine, column: column,
                               problem: .textAfterQuote(text: String(decoding: bytes[start..<end], as: UTF8.self)))
            }
            return Cell(text: String(decoding: content, as: UTF8.self), line: cellLine, column: column, isQuoted: true)
        }

        mutating func skipBlanks() {
            while position < bytes.count, isBlank(bytes[position]) { position += 1 }
        }

        /// Steps over LF, CRLF or CR (or nothing, at the end of the text).
        mutating func consumeLineBreak() {
            guard position < bytes.count else { return }
            if bytes[position] == CSVTable.carriageReturn { position += 1 }
            if position < bytes.count, bytes[position] == CSVTable.lineFeed { position += 1 }
            line += 1
        }

        func isBlank(_ byte: UInt8) -> Bool { byte == CSVTable.space || byte == CSVTable.tab }

        func isCellEnd(_ byte: UInt8) -> Bool {
            byte == CSVTable.comma || byte == CSVTable.lineFeed || byte == CSVTable.carriageReturn
        }
    }
}
