import DescentCore
import Testing

@Suite struct `Data sets from CSV` {
    /// The message of the error `text` gives, or nil when it loads.
    func message(_ text: String, file: String = "points.csv", target: String? = nil, features: [String]? = nil,
                 loss: LossFunction = .meanSquaredError) -> String? {
        do {
            _ = try Dataset(csv: text, file: file, target: target, features: features, loss: loss)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func `a plain file gives features from every column but the last, which is the target`() throws {
        let data = try Dataset(csv: "x,y\n0.2,0.9\n0.6,1.4\n-3e-1,+2\n", file: "points.csv")
        #expect(data.featureCount == 1 && data.features == [0.2, 0.6, -0.3] && data.targets == [0.9, 1.4, 2])
        #expect(data.featureNames == ["x"] && data.targetName == "y")
    }

    @Test func `CRLF, blank lines, surrounding whitespace, quotes and a byte-order mark are all read`() throws {
        let text = "\u{FEFF}x1, \"x2\" ,label\r\n\r\n 1 ,\t\"2.5\" ,0\r\n  \r\n3,4,1\r\n\r\n"
        let data = try Dataset(csv: text, file: "blobs.csv", loss: .binaryCrossEntropy)
        #expect(data.featureNames == ["x1", "x2"] && data.targetName == "label")
        #expect(data.features == [1, 2.5, 3, 4] && data.targets == [0, 1])
        let oldMac = try Dataset(csv: "x,y\r1,2\r3,4", file: "mac.csv")
        #expect(oldMac.features == [1, 3] && oldMac.targets == [2, 4])
    }

    @Test func `the target and the features can be chosen by name, and other columns may hold text`() throws {
        let text = "name,height,weight,age\nann,1.7,60,30\nbob,1.8,80,40\n"
        let data = try Dataset(csv: text, file: "people.csv", target: "weight", features: ["age", "height"])
        #expect(data.featureNames == ["age", "height"] && data.targetName == "weight")
        #expect(data.features == [30, 1.7, 40, 1.8] && data.targets == [60, 80])
        let byTarget = try Dataset(csv: "a,b,c\n1,2,3\n", file: "t.csv", target: "a")
        #expect(byTarget.featureNames == ["b", "c"] && byTarget.features == [2, 3] && byTarget.targets == [1])
    }

    @Test func `quoted names keep their commas and doubled quotes`() throws {
        let data = try Dataset(csv: "\"price, \"\"usd\"\"\",size\n1,2\n", file: "q.csv")
        #expect(data.featureNames == ["price, \"usd\""] && data.targetName == "size")
    }

    @Test func `a quoted cell spanning lines keeps later line numbers true`() {
        #expect(message("note,x,y\n\"two\nlines\",1,2\nthird,abc,4\n", features: ["x"])
                == "points.csv:4:2: 'abc' is not a number")
    }

    @Test func `a bad cell is named by file, line and column`() {
        let text = "x1,x2,y\n1,2,3\n\n4,5,6\n7,8,9\n1,1,1\n2,2,abc\n"
        #expect(message(text) == "points.csv:7:3: 'abc' is not a number")
        #expect(message("x,y\n1,\n") == "points.csv:2:2: empty cell; expected a number")
        #expect(message("x,y\n1, \"\" \n") == "points.csv:2:2: empty cell; expected a number")
        #expect(message("x,y\n1,2\n3,4 5\n") == "points.csv:3:2: '4 5' is not a number")
    }

    @Test(arguments: ["inf", "-infinity", "nan", "1e999"])
    func `non-finite values are refused`(value: String) {
        #expect(message("x,y\n1,2\n\(value),3\n")
                == "points.csv:3:1: '\(value)' is not a finite number; every value must be finite")
    }

    @Test func `rows with the wrong number of cells are refused`() {
        #expect(message("x,y\n1,2,3\n") == "points.csv:2: 3 cells, but the header names 2 columns")
        #expect(message("x,y,z\n1,2,3\n\n1\n") == "points.csv:4: 1 cell, but the header names 3 columns")
        #expect(message("x,y\n1,2,\n") == "points.csv:2: 3 cells, but the header names 2 columns")
    }

    @Test func `an empty file and a file without a header are refused`() {
        let empty = "points.csv: the file is empty; a CSV data set starts with a header row naming its columns, "
            + "such as 'x,y'"
        #expect(message("") == empty)
        #expect(message("\n  \r\n\t\n") == empty)
        #expect(message("1,2\n3,4\n") == "points.csv:1: the first row holds only numbers, so it is no header; "
                + "add a header row naming the columns, such as 'x,y'")
        #expect(message("\n0.5,1,2\n") == "points.csv:2: the first row holds only numbers, so it is no header; "
                + "add a header row naming the columns, such as 'x1,x2,y'")
        #expect(message("x,y\n") == "points.csv: no data rows after the header")
    }

    @Test func `header mistakes are refused where they are`() {
        #expect(message("x,,y\n1,2,3\n") == "points.csv:1:2: empty column name; every column needs a name")
        #expect(message("x,y,x\n1,2,3\n")
                == "points.csv:1:3: the column name 'x' is already column 1's; column names must be unique")
        #expect(message("y\n1\n")
                == "points.csv:1: only one column; a data set needs a target column and at least one feature column")
    }

    @Test func `unknown column names are refused with a suggestion when one is close`() {
        #expect(message("x,y\n1,2\n", target: "yy")
                == "points.csv:1: no column named 'yy' (did you mean 'y'?); the columns are 'x', 'y'")
        #expect(message("height,weight\n1,2\n", features: ["Hieght"])
                == "points.csv:1: no column named 'Hieght' (did you mean 'height'?); the columns are 'height', 'weight'")
        #expect(message("height,weight\n1,2\n", target: "price")
                == "points.csv:1: no column named 'price'; the columns are 'height', 'weight'")
    }

    @Test func `feature choices that make no sense are refused`() {
        #expect(message("x,y\n1,2\n", features: ["x", "y"])
                == "points.csv:1: 'y' is the target, so it cannot also be a feature")
        #expect(message("a,b,y\n1,2,3\n", features: ["a", "a"]) == "points.csv:1: the feature 'a' is chosen twice")
        #expect(message("x,y\n1,2\n", features: []) == "points.csv:1: no feature columns chosen; choose at least one")
    }

    @Test func `broken quoting is refused where the cell starts`() {
        #expect(message("x,y\n1,\"2\n3,4\n") == "points.csv:2:2: a quoted cell opens here and is never closed")
        #expect(message("x,y\n\"1\"2,3\n") == "points.csv:2:1: unexpected '2' after the closing quote; "
                + "a quoted cell ends at its closing quote (write \"\" for a quote inside it)")
    }

    @Test func `targets are checked against the loss they are for`() {
        #expect(message("x,label\n1,0\n2,2\n", loss: .binaryCrossEntropy)
                == "points.csv:3:2: '2' is not a valid target for binary cross-entropy; "
                + "targets must lie between 0 and 1 (labels 0 and 1)")
        #expect(message("x,label\n1,0\n2,2\n") == nil)
    }

    @Test func `did-you-mean finds near misses only`() {
        #expect(DidYouMean.editDistance("kitten", "sitting") == 3 && DidYouMean.editDistance("lable", "label") == 1)
        #expect(DidYouMean.editDistance("", "abc") == 3 && DidYouMean.editDistance("abc", "") == 3)
        #expect(DidYouMean.suggestion(for: "lable", among: ["x1", "x2", "label"]) == "label")
        #expect(DidYouMean.suggestion(for: "Label", among: ["x1", "label"]) == "label")
        #expect(DidYouMean.suggestion(for: "target", among: ["x1", "label"]) == nil)
    }
}
