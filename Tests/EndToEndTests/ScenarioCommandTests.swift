import DescentCore
import Foundation
import Testing
import TestSupport

/// A fresh folder of scenario files for one test, removed afterwards.
final class ScenarioFolder {
    let path: String

    init(_ files: [String: String]) throws {
        path = NSTemporaryDirectory() + "descent-scenarios-\(UUID().uuidString.prefix(8))"
        for (name, text) in files {
            let file = path + "/" + name
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A small valid scenario titled `title`.
func scenarioText(title: String, learningRate: String = "0.1", data: String = #"{"points": [[3, 12]]}"#) -> String {
    """
    {
      "title": "\(title)",
      "lesson": "A lesson. More of it.",
      "model": { "type": "one-weight", "data": \(data) },
      "view": { "w": [-1, 9] },
      "start": { "w": 1 },
      "optimizer": { "name": "sgd", "learningRate": \(learningRate) },
      "goal": { "reach": "global", "within": 0.01, "steps": 40 }
    }
    """
}

@Suite struct `Scenario commands` {
    @Test func `check prints ok for each good file and stops at the first bad one`() throws {
        let folder = try ScenarioFolder([
            "good.json": scenarioText(title: "Good"),
            "bad.json": scenarioText(title: "Bad", learningRate: "-0.1"),
            "later.json": scenarioText(title: "Later"),
        ])
        let result = try TmuxSession.runTool([descentBinaryPath, "check", folder.path + "/good.json", "mse-fit",
                                              folder.path + "/bad.json", folder.path + "/later.json"])
        #expect(result.status == 1)
        #expect(result.output == """
            ok \(folder.path)/good.json
            ok mse-fit
            descent: \(folder.path)/bad.json:7:49: optimizer.learningRate: must be > 0, got -0.1

            """)
        let missing = try TmuxSession.runTool([descentBinaryPath, "check", folder.path + "/none.json"])
        #expect(missing.status == 1)
        #expect(missing.output == "descent: \(folder.path)/none.json: cannot read the file: no such file or directory\n")
        let none = try TmuxSession.runTool([descentBinaryPath, "check"])
        #expect(none.status == 2 && none.output.hasPrefix("descent: check: expected one or more scenario files"))
    }

    @Test func `check reads a CSV relative to the scenario file, and reports its row and column`() throws {
        let folder = try ScenarioFolder([
            "fit.json": scenarioText(title: "Fit", data: #"{"csv": "data/points.csv"}"#),
            "data/points.csv": "x,y\n3,12\n4,abc\n",
        ])
        let result = try TmuxSession.runTool([descentBinaryPath, "check", folder.path + "/fit.json"])
        #expect(result.status == 1)
        #expect(result.output == "descent: \(folder.path)/fit.json:4:52: model.data.csv: \(folder.path)/data/points.csv:3:2: "
                    + "'abc' is not a number\n")
    }

    @Test func `list shows every preset with its title and lesson in aligned columns`() throws {
        let result = try TmuxSession.runTool([descentBinaryPath, "list"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == Presets.names.count)
        var titleColumns = Set<Int>()
        for (line, name) in zip(lines, Presets.names) {
            let scenario = try #require(try Presets.scenario(named: name))
            #expect(line.hasPrefix(name + " "), "\(line)")
            let title = try #require(line.range(of: "  " + scenario.title + "  "), "no title in \(line)")
            titleColumns.insert(line.distance(from: line.startIndex, to: title.lowerBound))
            #expect(line.hasSuffix(scenario.lesson.components(separatedBy: ". ")[0] + (scenario.lesson.contains(". ") ? "." : "")),
                    "\(line)")
        }
        #expect(titleColumns.count == 1, "titles start at different columns: \(titleColumns)")
    }

    @Test func `--scenarios adds a folder to list, to names, to render and to run; its files stand in for presets`() throws {
        let folder = try ScenarioFolder([
            "mine.json": scenarioText(title: "My own"),
            "mse-fit.json": scenarioText(title: "My mse-fit"),
            "broken.json": "{",
        ])
        let list = try TmuxSession.runTool([descentBinaryPath, "list", "--scenarios", folder.path])
        #expect(list.output.contains("\n\(folder.path) (--scenarios):\n"))
        let lines = list.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("mine ") && $0.contains(" My own ") })
        #expect(lines.contains { $0.hasPrefix("broken ") && $0.contains(" ✗ does not load ") })
        #expect(list.output.contains("(replaces the preset) A lesson."))

        let render = try TmuxSession.runTool([descentBinaryPath, "--scenarios=\(folder.path)", "render", "mine",
                                              "--size", "100x30"])
        #expect(render.status == 0 && render.output.contains("descent · mine · My own"))
        let replaced = try TmuxSession.runTool([descentBinaryPath, "render", "mse-fit", "--scenarios", folder.path])
        #expect(replaced.output.contains("descent · mse-fit · My mse-fit"))
        let run = try TmuxSession.runTool([descentBinaryPath, "run", "mine", "--steps", "3", "--format", "csv",
                                           "--scenarios", folder.path])
        #expect(run.status == 0 && run.output.split(separator: "\n").count == 5)
        let path = try TmuxSession.runTool([descentBinaryPath, "render", folder.path + "/mine.json", "--size", "100x30"])
        #expect(path.status == 0 && path.output.contains("descent · mine · My own"))

        let notFolder = try TmuxSession.runTool([descentBinaryPath, "list", "--scenarios", folder.path + "/mine.json"])
        #expect(notFolder.status == 2 && notFolder.output.hasPrefix("descent: --scenarios: '\(folder.path)/mine.json' is not a folder"))
    }

    @Test func `an unknown name is a usage error with a suggestion`() throws {
        let result = try TmuxSession.runTool([descentBinaryPath, "render", "one-weigth"])
        #expect(result.status == 2)
        #expect(result.output == "descent: unknown scenario 'one-weigth' (did you mean 'one-weight'?); 'descent list' "
                    + "shows them all, or give the path of a .json file\nRun 'descent --help' for usage.\n")
    }
}

@Suite(.enabled(if: endToEndEnabled, "needs tmux"), .timeLimit(.minutes(1)))
struct `Scenarios in the explorer` {
    @Test func `the explorer opens a preset by name and a file by path, and says what is wrong with a bad one`() throws {
        let folder = try ScenarioFolder([
            "mine.json": scenarioText(title: "My own lesson"),
            "bad.json": scenarioText(title: "Bad", learningRate: "0"),
        ])
        let session = try TmuxSession(columns: 100, rows: 30)
        defer { session.close() }
        try session.type("\(descentBinaryPath) ravine; echo DESCENT-EXIT=$?")
        try session.press("Enter")
        try session.waitFor(["descent · ravine · A narrow ravine", "step 0"])
        try session.type("q")
        try session.waitFor(["DESCENT-EXIT=0"])
        try session.press("C-l")
        try session.type("\(descentBinaryPath) \(folder.path)/mine.json; echo DESCENT-EXIT=$?")
        try session.press("Enter")
        try session.waitFor(["descent · mine · My own lesson", "step 0"])
        try session.type("q")
        try session.waitFor(["DESCENT-EXIT=0"])
        try session.press("C-l")
        // From inside the folder, so a long temporary path cannot wrap the message on the 100-column screen.
        try session.type("cd '\(folder.path)' && \(descentBinaryPath) bad.json; echo DESCENT-EXIT=$?")
        try session.press("Enter")
        try session.waitFor(["bad.json:7:49: optimizer.learningRate: must be > 0, got 0", "DESCENT-EXIT=1"])
    }
}
