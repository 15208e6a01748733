import DescentCore

/// Commands typed after `:` for exact values (`:lr 0.0123`), parsed into
/// the same actions keys send.
public enum ExplorerCommand {
    /// A command name, what it takes, and what it does: the `:help` text
    /// and the completion list.
    public struct Entry: Sendable {
        public let name: String
        public let aliases: [String]
        public let argument: String
        public let summary: String
    }

    public static let entries: [Entry] = [
        Entry(name: "lr", aliases: ["learning-rate", "rate"], argument: "X", summary: "set the learning rate (X > 0)"),
        Entry(name: "momentum", aliases: ["mu"], argument: "X", summary: "set momentum (0 ≤ X < 1)"),
        Entry(name: "optimizer", aliases: ["opt"], argument: "NAME",
              summary: "sgd, momentum, nesterov, adagrad, rmsprop or adam"),
        Entry(name: "batch", aliases: [], argument: "K", summary: "samples per step: full, stochastic or a number"),
        Entry(name: "schedule", aliases: [], argument: "FORM",
              summary: "constant, step:EVERY:FACTOR, exponential:FACTOR, cosine:PERIOD[:MINIMUM]"),
        Entry(name: "clip", aliases: [], argument: "X", summary: "clip the gradient norm at X, or off"),
        Entry(name: "step", aliases: ["steps"], argument: "N", summary: "take N steps (1 to 1,000,000)"),
        Entry(name: "rewind", aliases: ["back"], argument: "N", summary: "go back N steps, exactly"),
        Entry(name: "restarts", aliases: [], argument: "R [S]", summary: "run R restarts of S steps (default 200)"),
        Entry(name: "speed", aliases: [], argument: "X", summary: "play X steps a second (0.1 to 1000)"),
        Entry(name: "reset", aliases: [], argument: "", summary: "back to the start"),
        Entry(name: "quit", aliases: ["q"], argument: "", summary: "leave descent"),
    ]

    /// Why a command line was not understood; shown on the message line.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// The action `text` (without the colon) stands for.
    public static func parse(_ text: String) throws(Failure) -> ExplorerAction {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first else { throw Failure(description: "type a command, e.g. lr 0.01") }
        let name = first.lowercased()
        guard let entry = entries.first(where: { $0.name == name || $0.aliases.contains(name) }) else {
            let names = entries.map(\.name)
            let suggestion = DidYouMean.suggestion(for: name, among: names).map { " (did you mean \($0)?)" } ?? ""
            throw Failure(description: "unknown command '\(first)'\(suggestion); commands: \(names.joined(separator: ", "))")
        }
        let arguments = Array(words.dropFirst())
        if entry.name == "restarts" {
            guard (1...2).contains(arguments.count), let count = Int(arguments[0]), (1...1000).contains(count) else {
                throw Failure(description: "restarts takes a count from 1 to 1000 and optionally steps: :restarts 20 300")
            }
            let steps = arguments.count == 2 ? Int(arguments[1]) : 200
            guard let steps, (1...100_000).contains(steps) else {
                throw Failure(description: "restarts: steps must be a whole number from 1 to 100000, got \(arguments[1])")
            }
            return .runRestarts(count: count, steps: steps)
        }
        if entry.argument.isEmpty {
            guard arguments.isEmpty else { throw Failure(description: "\(entry.name) takes no value") }
            return entry.name == "reset" ? .reset : .quit
        }
        guard arguments.count == 1 else {
            throw Failure(description: "\(entry.name) takes one value: :\(entry.name) \(entry.argument)")
        }
        let argument = arguments[0]
        switch entry.name {
        case "lr":
            let value = try number(argument, for: entry)
            guard value > 0 else { throw Failure(description: "the learning rate must be > 0, got \(argument)") }
            return .setLearningRate(value)
        case "momentum":
            let value = try number(argument, for: entry)
            guard value >= 0 && value < 1 else {
                throw Failure(description: "momentum must be at least 0 and below 1, got \(argument)")
            }
            return .setMomentum(value)
        case "step", "rewind":
            guard let count = Int(argument), (1...1_000_000).contains(count) else {
                throw Failure(description: "steps must be a whole number from 1 to 1000000, got \(argument)")
            }
            return entry.name == "step" ? .step(count: count) : .rewind(steps: count)
        case "optimizer":
            guard let kind = OptimizerKind(rawValue: argument.lowercased()) else {
                let names = OptimizerKind.allCases.map(\.rawValue)
                let hint = DidYouMean.suggestion(for: argument, among: names).map { " (did you mean \($0)?)" } ?? ""
                throw Failure(description: "unknown optimizer '\(argument)'\(hint); choose \(names.joined(separator: ", "))")
            }
            return .setOptimizer(kind)
        case "batch":
            switch argument.lowercased() {
            case "full": return .setBatchSize(.full)
            case "stochastic", "sgd": return .setBatchSize(.stochastic)
            default:
                guard let size = Int(argument), size >= 1 else {
                    throw Failure(description: "batch must be full, stochastic or a whole number ≥ 1, got \(argument)")
                }
                return .setBatchSize(.minibatch(size))
            }
        case "schedule":
            do {
                return .setSchedule(try LearningRateSchedule(notation: argument))
            } catch {
                throw Failure(description: error.description)
            }
        case "clip":
            if argument.lowercased() == "off" { return .setClipping(nil) }
            let value = try number(argument, for: entry)
            guard value > 0 else { throw Failure(description: "clip needs a norm > 0 or off, got \(argument)") }
            return .setClipping(value)
        default:
            let value = try number(argument, for: entry)
            guard (0.1...1000).contains(value) else {
                throw Failure(description: "speed must be from 0.1 to 1000 steps a second, got \(argument)")
            }
            return .setPlaySpeed(value)
        }
    }

    private static func number(_ text: String, for entry: Entry) throws(Failure) -> Double {
        guard let value = Double(text), value.isFinite else {
            throw Failure(description: "\(entry.name) needs a number, got '\(text)'")
        }
        return value
    }
}
