import DescentCore
import Foundation
import Testing
import TestSupport

// `descent run` and `descent sweep` as scripts see them: the built binary,
// its output parsed back. JSONSerialization checks the shape (keys, counts);
// JSONDecoder reads numbers exactly (JSONSerialization on Linux can round a
// decimal to a neighbouring double), so values are compared bit for bit with
// the same run made in-process.

/// Runs the built binary with `arguments`; its exit status and output lines.
func descent(_ arguments: String...) throws -> (status: Int32, lines: [String]) {
    let result = try TmuxSession.runTool([descentBinaryPath] + arguments)
    return (result.status, result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        .filter { !$0.isEmpty })
}

/// A JSON object from one line of output.
func object(_ line: String) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(line.utf8))
    return try #require(value as? [String: Any], "not a JSON object: \(line)")
}

/// The object under "summary" on the last line.
func summary(_ lines: [String]) throws -> [String: Any] {
    let last = try #require(lines.last, "no output")
    let value = try object(last)["summary"]
    return try #require(value as? [String: Any], "the last line is not a summary: \(last)")
}

/// One row of `descent run --format json`, read exactly.
struct RunRow: Decodable, Equatable {
    let step: Int
    let epoch: Int
    let weights: [String: Double]
    let loss: Double?
    let batchLoss: Double?
    let gradient: [String: Double?]
    let gradientNorm: Double?
    let learningRate: Double
}

@Suite struct `descent run` {
    static let rowKeys: Set<String> = ["step", "epoch", "weights", "loss", "batchLoss", "gradient", "gradientNorm", "learningRate"]

    @Test func `json lines hold row 0 to row N with the contract's keys, then a summary`() throws {
        let (status, lines) = try descent("run", "mse-fit", "--steps", "25", "--format", "json")
        #expect(status == 0)
        #expect(lines.count == 27, "25 steps: rows 0...25 and the summary")
        for (index, line) in lines.dropLast().enumerated() {
            let row = try object(line)
            #expect(Set(row.keys) == Self.rowKeys, "row \(index): \(line)")
            #expect(row["step"] as? Int == index)
            #expect((row["weights"] as? [String: Any]).map { Set($0.keys) } == ["w", "b"])
            #expect((row["gradient"] as? [String: Any]).map { Set($0.keys) } == ["w", "b"])
        }
        let tally = try summary(lines)
        #expect(tally["status"] as? String == "running" && tally["steps"] as? Int == 25)
        for key in ["epoch", "weights", "loss", "gradientNorm", "convergedAt", "divergedAt", "optimizer", "schedule", "batch", "seed"] {
            #expect(tally[key] != nil, "the summary lacks \(key)")
        }
    }

    @Test func `every number reads back as the exact double the core computed`() throws {
        let (_, lines) = try descent("run", "--steps", "40", "--optimizer", "adam", "--lr", "0.3", "--beta1", "0.8",
                                     "--batch", "3", "--seed", "5", "--schedule", "step:10:0.5", "--clip", "2",
                                     "--format", "json")
        var settings = TrainingSettings(optimizer: .adam, hyperparameters: Hyperparameters(learningRate: 0.3, beta1: 0.8),
                                        schedule: .step(every: 10, factor: 0.5), gradientClipping: 2,
                                        batchSize: .minibatch(3), seed: 5)
        settings.criteria = Scenario.mseFit.training.criteria
        var run = TrainingRun(objective: Scenario.mseFit.objective, start: Scenario.mseFit.start, settings: settings)
        run.step(count: 40)
        let rows = try lines.dropLast().map { try JSONDecoder().decode(RunRow.self, from: Data($0.utf8)) }
        let expected = run.history.records.map { record in
            RunRow(step: record.step, epoch: record.epoch, weights: ["w": record.weights[0], "b": record.weights[1]],
                   loss: record.loss, batchLoss: record.batchLoss,
                   gradient: ["w": record.gradient[0], "b": record.gradient[1]], gradientNorm: record.gradientNorm,
                   learningRate: record.learningRate)
        }
        #expect(rows == expected)
        #expect(rows.map(\.epoch).last == 40 / 3, "8 samples in batches of 3, 3, 2: an epoch every three steps")
        #expect(rows.contains { $0.batchLoss != $0.loss })
    }

    @Test func `steps N runs exactly N steps though the run converged on the way`() throws {
        let (status, lines) = try descent("run", "--steps", "1000", "--format", "json")
        #expect(status == 0 && lines.count == 1002)
        let tally = try summary(lines)
        #expect(tally["status"] as? String == "converged")
        let convergedAt = try #require(tally["convergedAt"] as? Int)
        #expect(convergedAt < 1000 && tally["steps"] as? Int == 1000)
        #expect(tally["divergedAt"] is NSNull)
    }

    @Test func `a diverged run stops at the step where it diverged and says so`() throws {
        let (status, lines) = try descent("run", "--lr", "0.4", "--steps", "300", "--format", "json")
        #expect(status == 0, "divergence is a state, not an error")
        let tally = try summary(lines)
        #expect(tally["status"] as? String == "diverged")
        let step = try #require(tally["divergedAt"] as? Int)
        #expect(lines.count == step + 2 && tally["steps"] as? Int == step)
        #expect(try object(lines[lines.count - 2])["step"] as? Int == step)

        let table = try descent("run", "--lr", "0.4", "--steps", "300")
        #expect(table.lines.last?.hasPrefix("diverged at step \(step) of 300 (the loss exploded)") == true,
                "\(table.lines.last ?? "")")
    }

    @Test func `a start without a gradient is reported as such, not as an explosion`() throws {
        let table = try descent("run", "--function", "ackley", "--start", "a=0,b=0", "--steps", "3")
        #expect(table.status == 0)
        #expect(table.lines.last == "diverged at step 0 of 3 (the loss has no gradient there); stopped there: "
                + "loss 0 at a 0, b 0", "\(table.lines.last ?? "")")
    }

    @Test func `csv has a header of the same columns and one row per step`() throws {
        let csv = try descent("run", "--steps", "12", "--batch", "2", "--seed", "3", "--format", "csv")
        let json = try descent("run", "--steps", "12", "--batch", "2", "--seed", "3", "--format", "json")
        #expect(csv.status == 0)
        #expect(csv.lines.first == "step,epoch,weights.w,weights.b,loss,batchLoss,gradient.w,gradient.b,gradientNorm,learningRate")
        #expect(csv.lines.count == 14)
        for (csvLine, jsonLine) in zip(csv.lines.dropFirst(), json.lines) {
            let cells = csvLine.split(separator: ",").map(String.init)
            let row = try JSONDecoder().decode(RunRow.self, from: Data(jsonLine.utf8))
            #expect(Int(cells[0]) == row.step && Int(cells[1]) == row.epoch)
            #expect(Double(cells[2]) == row.weights["w"] && Double(cells[3]) == row.weights["b"])
            #expect(Double(cells[4]) == row.loss && Double(cells[5]) == row.batchLoss)
            #expect(Double(cells[8]) == row.gradientNorm && Double(cells[9]) == row.learningRate)
        }
    }

    @Test func `csv spells every number as json does`() throws {
        let csv = try descent("run", "--steps", "5", "--format", "csv")
        let json = try descent("run", "--steps", "5", "--format", "json")
        #expect(csv.lines.dropFirst().first?.hasPrefix("0,0,-1,4,") == true, "\(csv.lines)")
        // A row's values come in the CSV's column order, each after a ": ".
        let number = /: (-?[0-9][0-9.eE+-]*)/
        for (csvLine, jsonLine) in zip(csv.lines.dropFirst(), json.lines.dropLast()) {
            #expect(csvLine.split(separator: ",").map(String.init) == jsonLine.matches(of: number).map { String($0.1) })
        }

        let sweep = try descent("sweep", "--expression", "a^2+b^2", "--start", "a=1,b=1", "--points", "4",
                                "--steps", "20", "--format", "csv")
        #expect(sweep.lines.contains { $0.hasPrefix("10,94091762,") }, "\(sweep.lines)")
    }

    @Test func `the table has a header, a row per step and a closing sentence`() throws {
        let (status, lines) = try descent("run", "--steps", "3")
        #expect(status == 0 && lines.count == 6)
        #expect(lines[0].split(separator: " ").prefix(4) == ["step", "epoch", "w", "b"])
        #expect(lines[1].split(separator: " ").prefix(4) == ["0", "0", "-1", "4"])
        #expect(lines[5].hasPrefix("running after 3 steps: loss"))
    }

    @Test func `one step is a step, not steps`() throws {
        let (status, lines) = try descent("run", "--steps", "1")
        #expect(status == 0 && lines.last?.hasPrefix("running after 1 step: loss") == true, "\(lines)")
    }

    @Test func `a start given by name replaces the scenario's`() throws {
        let (_, lines) = try descent("run", "--start", "b=0.5,w=2", "--steps", "0", "--format", "json")
        let row = try JSONDecoder().decode(RunRow.self, from: Data(lines[0].utf8))
        #expect(row.weights == ["w": 2, "b": 0.5])
    }

    @Test(arguments: [
        (["--lr", "-1"], "--lr must be a number > 0, got '-1'"),
        (["--lr", "nan"], "--lr must be a number > 0, got 'nan'"),
        (["--batch", "0"], "--batch must be 'full' or a whole number of samples ≥ 1, got '0'"),
        (["--optimizer", "adma"], "unknown --optimizer 'adma' (did you mean 'adam'?)"),
        (["--momentum", "1"], "--momentum must be a number from 0 up to but not including 1, got '1'"),
        (["--alpha", "0.9"], "--alpha is a hyperparameter of rmsprop, not of sgd"),
        (["--optimizer", "adagrad", "--eps", "0"], "--eps must be a number > 0, got '0'"),
        (["--optimizer", "nesterov", "--momentum", "0"], "nesterov needs a momentum above 0"),
        (["--schedule", "cosin:10"], "unknown --schedule 'cosin' (did you mean 'cosine'?)"),
        (["--schedule", "exponential:1.5"], "the decay factor must be in (0, 1], got 1.5"),
        (["--schedule", "step:10"], "--schedule step:10: wrong number of parts"),
        (["--clip", "0"], "--clip must be a number > 0"),
        (["--steps", "-3"], "--steps must be a whole number from 0 to 100000000, got '-3'"),
        (["--seed", "x"], "--seed must be a whole number"),
        (["--format", "jsno"], "unknown --format 'jsno' (did you mean 'json'?)"),
        (["--stpes", "3"], "unknown option '--stpes' (did you mean '--steps'?)"),
        (["--start", "w=1"], "--start needs a value for every weight; missing b"),
        (["--expression", "a^2 + b^2", "--batch", "3"], "is an analytic surface with no data samples; only --batch full applies"),
        (["--expression", "a * * b"], "1:5: expected a number or a name after '*'"),
        (["--function", "rosenbrok"], "unknown function 'rosenbrok'"),
        (["--region", "w=0:1,b=0:1"], "--region goes with --expression or --function"),
        (["--tolerance", "0.1"], "--tolerance applies only with --restarts"),
        (["nowhere"], "unknown scenario 'nowhere'"),
    ])
    func `bad input is a usage error on stderr with exit status 2`(arguments: [String], message: String) throws {
        let result = try TmuxSession.runTool([descentBinaryPath, "run"] + arguments)
        #expect(result.status == 2, "\(arguments)")
        #expect(result.output.contains(message), "\(arguments): \(result.output)")
        #expect(!result.output.contains("{\""), "nothing on stdout")
    }

    @Test func `a batch larger than the data set is allowed and uses every sample`() throws {
        let (status, lines) = try descent("run", "--batch", "50", "--steps", "2", "--format", "json")
        #expect(status == 0)
        let rows = try lines.dropLast().map { try JSONDecoder().decode(RunRow.self, from: Data($0.utf8)) }
        #expect(rows.map(\.epoch) == [0, 1, 2])
        #expect(rows.allSatisfy { abs(($0.batchLoss ?? 0) - ($0.loss ?? 1)) < 1e-12 })
    }
}

@Suite struct `descent run on typed losses` {
    @Test func `an expression runs from the given start with its weights named as typed`() throws {
        let (status, lines) = try descent("run", "--expression", "(1 - a)^2 + 100*(b - a^2)^2", "--start", "a=-1.2,b=1",
                                          "--steps", "5", "--optimizer", "adam", "--lr", "0.05", "--format", "json")
        #expect(status == 0 && lines.count == 7)
        let first = try JSONDecoder().decode(RunRow.self, from: Data(lines[0].utf8))
        #expect(first.weights == ["a": -1.2, "b": 1] && first.epoch == 0)
        // ∇ at (−1.2, 1): ∂a = −2(1 − a) − 400a(b − a²) = −4.4 − 211.2, ∂b = 200(b − a²) = −88.
        let gradient = first.gradient.mapValues { $0 ?? .nan }
        #expect(abs(gradient["a", default: .nan] + 215.6) < 1e-9 && abs(gradient["b", default: .nan] + 88) < 1e-9,
                "\(gradient)")
        let tally = try summary(lines)
        #expect(tally["optimizer"] as? String == "adam" && tally["steps"] as? Int == 5)
    }

    @Test func `restarts on Himmelblau find its four global minima and count each`() throws {
        let (status, lines) = try descent("run", "--function", "himmelblau", "--restarts", "20", "--steps", "1000",
                                          "--lr", "0.01", "--tolerance", "0.001", "--seed", "4", "--format", "json")
        #expect(status == 0 && lines.count == 21)
        let tally = try summary(lines)
        #expect(tally["global"] as? Int == 20 && tally["none"] as? Int == 0)
        let minima = try #require(tally["minima"] as? [[String: Any]])
        #expect(minima.count == 4)
        #expect(minima.compactMap { $0["count"] as? Int }.reduce(0, +) == 20)
        #expect(minima.filter { ($0["count"] as? Int ?? 0) > 0 }.count >= 3, "\(minima)")
    }

    @Test func `a sweep over Rosenbrock shows the rate that is too large`() throws {
        let (status, lines) = try descent("sweep", "--function", "rosenbrock", "--lr", "1e-5:1e-2", "--points", "4",
                                          "--steps", "1000", "--format", "json")
        #expect(status == 0 && lines.count == 5)
        #expect(try object(lines[3])["status"] as? String == "diverged")
        #expect(try object(lines[2])["status"] as? String != "diverged")
    }
}

@Suite struct `descent run with restarts` {
    @Test func `one line per restart, then a tally that adds up, reproducibly from the seed`() throws {
        let first = try descent("run", "--restarts", "6", "--steps", "400", "--seed", "9", "--tolerance", "0.001", "--format", "json")
        let second = try descent("run", "--restarts", "6", "--steps", "400", "--seed", "9", "--tolerance", "0.001", "--format", "json")
        let other = try descent("run", "--restarts", "6", "--steps", "400", "--seed", "10", "--tolerance", "0.001", "--format", "json")
        #expect(first.status == 0 && first.lines.count == 7)
        #expect(first.lines == second.lines)
        #expect(first.lines != other.lines)
        var reached = 0
        for (index, line) in first.lines.dropLast().enumerated() {
            let restart = try object(line)
            #expect(Set(restart.keys) == ["restart", "seed", "start", "end", "loss", "steps", "status", "minimum", "global"])
            #expect(restart["restart"] as? Int == index && restart["steps"] as? Int == 400)
            if restart["global"] as? Bool == true {
                reached += 1
                #expect(restart["minimum"] as? String == "least squares")
            }
        }
        let tally = try summary(first.lines)
        #expect(tally["restarts"] as? Int == 6 && tally["global"] as? Int == reached)
        #expect((tally["global"] as? Int ?? 0) + (tally["none"] as? Int ?? 0) == 6)
        let minima = try #require(tally["minima"] as? [[String: Any]])
        #expect(minima.count == 1 && minima[0]["count"] as? Int == reached && minima[0]["global"] as? Bool == true)
        #expect(tally["best"] is [String: Any])
    }

    @Test func `the tally in words counts a diverged restart once`() throws {
        let (status, lines) = try descent("run", "--function", "beale", "--restarts", "30", "--steps", "3000", "--seed", "2")
        #expect(status == 0)
        let tally = try #require(lines.first { $0.contains("restarts reached a global minimum") })
        let match = try #require(tally.wholeMatch(of: /(\d+) of 30 restarts .*; (\d+) reached no known minimum; (\d+) diverged/))
        let (global, none, diverged) = (Int(match.1) ?? 0, Int(match.2) ?? 0, Int(match.3) ?? 0)
        #expect(diverged > 0, "seed 2 draws a start from which the run diverges")
        #expect(global + none + diverged == 30, "Beale's one known minimum is global: \(tally)")
    }

    @Test func `the table ends with the tally in words`() throws {
        let (status, lines) = try descent("run", "--restarts", "3", "--steps", "2000")
        #expect(status == 0)
        #expect(lines.contains { $0.hasPrefix("3 of 3 restarts reached a global minimum (within 0.01)") }, "\(lines)")
        #expect(lines.contains { $0 == "  least squares (global): 3" })
        #expect(lines.last?.hasPrefix("best: restart") == true)
    }

    @Test func `with many known minima the table lists the global one and those reached, and counts the rest`() throws {
        let (status, lines) = try descent("run", "rastrigin", "--restarts", "10", "--steps", "300")
        #expect(status == 0)
        let tally = lines.drop { !$0.contains("restarts reached a global minimum") }.dropFirst()
            .prefix { $0.hasPrefix("  ") }
        #expect(tally.first?.hasPrefix("  (0, 0) (global): ") == true, "\(tally)")
        let listed = tally.dropFirst().filter { !$0.contains("other known minima") }
        #expect(!listed.isEmpty && listed.allSatisfy { !$0.hasSuffix(": 0") }, "\(tally)")
        #expect(tally.last == "  \(120 - listed.count) other known minima: 0", "\(tally)")
        #expect(lines.contains { $0.contains("; 0 reached no known minimum;") }, "\(lines)")
    }
}

@Suite struct `descent sweep` {
    @Test func `rates are log-spaced from LOW to HIGH and the large ones diverge`() throws {
        let (status, lines) = try descent("sweep", "--lr", "1e-4:10", "--points", "11", "--steps", "100", "--format", "json")
        #expect(status == 0 && lines.count == 12)
        struct Point: Decodable { let learningRate: Double; let loss: Double?; let status: String; let steps: Int }
        let points = try lines.dropLast().map { try JSONDecoder().decode(Point.self, from: Data($0.utf8)) }
        #expect(points.first?.learningRate == 1e-4 && points.last?.learningRate == 10)
        for (a, b) in zip(points, points.dropFirst()) {
            #expect(abs(b.learningRate / a.learningRate - pow(10, 0.5)) < 1e-12, "\(a.learningRate) → \(b.learningRate)")
        }
        #expect(points.first?.status == "running" && points.last?.status == "diverged")
        #expect(points.filter { $0.status != "diverged" }.allSatisfy { $0.steps == 100 })
        let tally = try summary(lines)
        let best = try #require(tally["best"] as? [String: Any])
        let losses = points.filter { $0.status != "diverged" }.compactMap(\.loss)
        #expect((best["loss"] as? Double).map { abs($0 - (losses.min() ?? 0)) < 1e-12 } == true)
    }

    @Test func `the table shows a row per rate and the best one`() throws {
        let (status, lines) = try descent("sweep", "--points", "5", "--steps", "50")
        #expect(status == 0 && lines.count == 7)
        #expect(lines.last?.hasPrefix("lowest final loss") == true)
        #expect(lines.contains { $0.contains("diverged at step") })
    }

    @Test(arguments: [
        (["--lr", "10:1"], "the low end must not exceed the high end"),
        (["--lr", "0:1"], "--lr must be LOW:HIGH with two numbers > 0"),
        (["--points", "0"], "--points must be a whole number from 1 to 10000"),
        (["--restarts", "2"], "unknown option '--restarts'"),
    ])
    func `bad sweep input is a usage error with exit status 2`(arguments: [String], message: String) throws {
        let result = try TmuxSession.runTool([descentBinaryPath, "sweep"] + arguments)
        #expect(result.status == 2 && result.output.contains(message), "\(arguments): \(result.output)")
    }
}
