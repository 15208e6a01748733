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
        Entry(name: "alpha", aliases: [], argument: "X", summary: "RMSProp's smoothing constant (0 ≤ X < 1)"),
        Entry(name: "beta1", aliases: [], argument: "X", summary: "Adam's β₁ (0 ≤ X < 1)"),
        Entry(name: "beta2", aliases: [], argument: "X", summary: "Adam's β₂ (0 ≤ X < 1)"),
        Entry(name: "eps", aliases: ["epsilon"], argument: "X", summary: "AdaGrad's, RMSProp's and Adam's ε (X > 0)"),
        Entry(name: "seed", aliases: [], argument: "S", summary: "start over with this seed (batch order, restarts)"),
        Entry(name: "tolerance", aliases: [], argument: "X",
              summary: "how near a known minimum a restart must end to count (X > 0)"),
        Entry(name: "optimizer", aliases: ["opt"], argument: "NAME",
              summary: "sgd, momentum, nesterov, adagrad, rmsprop or adam"),
        Entry(name: "batch", aliases: [], argument: "K", summary: "samples per step: full, stochastic or a number"),
        Entry(name: "schedule", aliases: [], argument: "FORM",
              summary: "constant, step:EVERY:FACTOR, exponential:FACTOR, cosine:PERIOD[:MINIMUM]"),
        Entry(name: "clip", aliases: [], argument: "X", summary: "clip the gradient norm at X, or off"),
        Entry(name: "step", aliases: ["steps"], argument: "N", summary: "take N steps (1 to 1,000,000)"),
        Entry(name: "rewind", aliases: ["back"], argument: "N", summary: "go back N steps, exactly"),
        Entry(name: "restarts", aliases: [], argument: "R [S]", summary: "run R restarts of S steps (default 200; R × S ≤ 1,000,000)"),
        Entry(name: "sweep", aliases: [], argument: "[LOW:HIGH] [S]",
              summary: "final loss for 30 learning rates (default: 1000× below to 100× above yours), S steps each"),
        Entry(name: "speed", aliases: [], argument: "X", summary: "play X steps a second (0.1 to 1000)"),
        Entry(name: "reset", aliases: [], argument: "", summary: "back to the start"),
        Entry(name: "open", aliases: ["scenario"], argument: "NAME", summary: "open a scenario by name (s lists them)"),
        Entry(name: "expression", aliases: ["expr", "loss"], argument: "TEXT",
              summary: "descend a loss you type: (1-a)^2 + 100*(b-a^2)^2; c = a + b; f = c * (b + 1)"),
        Entry(name: "function", aliases: ["fn"], argument: "NAME", summary: "open a classic test function (rosenbrock, …)"),
        Entry(name: "ascii", aliases: [], argument: "[on|off]", summary: "draw in plain ASCII (no braille, box lines or symbols)"),
        Entry(name: "narrate", aliases: [], argument: "[on|off]",
              summary: "this line says in words where the run stands, after every change (for screen readers)"),
        Entry(name: "help", aliases: [], argument: "[NAME]", summary: "what command NAME does; alone, the keys"),
        Entry(name: "quit", aliases: ["q"], argument: "", summary: "leave descent"),
    ]

    /// The command called `name` (or one of its aliases), ignoring case.
    static func entry(named name: String) -> Entry? {
        let name = name.lowercased()
        return entries.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// How to type a command and what it does: ":lr X  set the learning rate (X > 0)".
    static func usage(of entry: Entry) -> String {
        ":\(entry.name)\(entry.argument.isEmpty ? "" : " " + entry.argument)  \(entry.summary)"
    }

    /// What the line being typed can become, for the hint beside it: every
    /// command while nothing is typed, those the first letters allow while
    /// the name is being typed, then that command's usage.
    public static func hint(for text: String) -> String {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let first = (words.first ?? "").lowercased()
        if words.count > 1 { return entry(named: first).map(usage(of:)) ?? "" }
        if first.isEmpty {
            return "tab completes · enter runs · esc cancels · " + entries.map(\.name).joined(separator: " ")
        }
        if let exact = entry(named: first) { return usage(of: exact) }
        let matches = entries.filter { $0.name.hasPrefix(first) || $0.aliases.contains { $0.hasPrefix(first) } }
        switch matches.count {
        case 0: return "no command starts with '\(first)'; esc cancels"
        case 1: return usage(of: matches[0])
        default: return matches.map(\.name).joined(separator: " ")
        }
    }

    /// `text` with its last word completed as a shell does: to the one
    /// command (first word) or value (optimizer, function, batch, …) that
    /// starts with it, or as far as all such candidates agree.
    public static func completion(of text: String) -> String {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard let last = words.last else { return text }
        let candidates: [String]
        if words.count == 1 {
            candidates = entries.map(\.name)
        } else {
            switch words[0].lowercased() {
            case "optimizer", "opt": candidates = OptimizerKind.allCases.map(\.rawValue)
            case "function", "fn": candidates = ClassicFunction.all.map(\.name)
            case "batch": candidates = ["full", "stochastic"]
            case "schedule": candidates = ["constant", "step:", "exponential:", "cosine:"]
            case "clip": candidates = ["off"]
            case "open", "scenario": candidates = Presets.names
            case "help": candidates = entries.map(\.name)
            case "ascii", "narrate": candidates = ["on", "off"]
            default: candidates = []
            }
        }
        let matches = candidates.filter { $0.hasPrefix(last.lowercased()) }
        guard let first = matches.first else { return text }
        guard matches.count == 1 else {
            let shared = matches.dropFirst().reduce(first) { common, next in String(zip(common, next).prefix { $0 == $1 }.map(\.0)) }
            return shared.count > last.count ? (words.dropLast() + [shared]).joined(separator: " ") : text
        }
        let match = first
        let completed = words.dropLast() + [match]
        let separator = words.count == 1 || !match.hasSuffix(":") ? " " : ""
        return completed.joined(separator: " ") + (words.count == 1 ? separator : "")
    }

    /// Why a command line was not understood; shown on the message line.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// The most steps `:restarts R S` takes in all (R × S). The restarts run
    /// in the background, but they cannot be stopped part-way, and a person
    /// waits for the tally: a million steps of a two-weight loss take about a
    /// second in a release build.
    public static let maximumRestartSteps = 1_000_000

    /// The action `text` (without the colon) stands for.
    public static func parse(_ text: String) throws(Failure) -> ExplorerAction {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first else { throw Failure(description: "type a command, e.g. lr 0.01") }
        let name = first.lowercased()
        guard let entry = entry(named: name) else {
            let names = entries.map(\.name)
            let suggestion = DidYouMean.suggestion(for: name, among: names).map { " (did you mean \($0)?)" } ?? ""
            throw Failure(description: "unknown command '\(first)'\(suggestion); commands: \(names.joined(separator: ", "))")
        }
        let arguments = Array(words.dropFirst())
        if entry.name == "expression" {
            // The rest of the line, spaces and all, is the loss.
            let source = text.drop(while: { $0 == " " }).dropFirst(first.count)
                .drop(while: { $0 == " " })
            guard !source.isEmpty else { throw Failure(description: "expression needs a loss: :expression a^2 + 3*b^2") }
            do {
                return .open(Scenario.expression(try ExpressionObjective(String(source)), start: nil, region: nil))
            } catch {
                throw Failure(description: "\(error.line):\(error.column): \(error.message)")
            }
        }
        if entry.name == "function" {
            guard arguments.count == 1, let function = ClassicFunction.named(arguments[0]) else {
                let names = ClassicFunction.all.map(\.name)
                let given = arguments.first ?? ""
                let hint = DidYouMean.suggestion(for: given, among: names).map { " (did you mean \($0)?)" } ?? ""
                throw Failure(description: "unknown function '\(given)'\(hint); known: \(names.joined(separator: ", "))")
            }
            return .open(function.scenario())
        }
        if entry.name == "sweep" {
            var range: ClosedRange<Double>?
            var steps = 200
            for argument in arguments {
                if argument.contains(":") {
                    let ends = argument.split(separator: ":", omittingEmptySubsequences: false).map { Double($0) }
                    guard ends.count == 2, let low = ends[0], let high = ends[1], low > 0, high >= low, high.isFinite else {
                        throw Failure(description: "sweep: the range must be LOW:HIGH with 0 < LOW ≤ HIGH, like 1e-4:10; got \(argument)")
                    }
                    range = low...high
                } else {
                    guard let count = Int(argument), (1...100_000).contains(count) else {
                        throw Failure(description: "sweep: steps must be a whole number from 1 to 100000, got \(argument)")
                    }
                    steps = count
                }
            }
            return .runSweep(range: range, steps: steps)
        }
        if entry.name == "help" {
            guard let topic = arguments.first else { return .toggleHelp }
            guard arguments.count == 1, let described = Self.entry(named: topic) else {
                let names = entries.map(\.name)
                let hint = DidYouMean.suggestion(for: topic.lowercased(), among: names).map { " (did you mean \($0)?)" } ?? ""
                throw Failure(description: "no command '\(arguments.joined(separator: " "))'\(hint)")
            }
            let aliases = described.aliases.isEmpty ? "" : "; also :" + described.aliases.joined(separator: ", :")
            return .say(usage(of: described) + aliases)
        }
        if entry.name == "ascii" || entry.name == "narrate" {
            let isOn: Bool
            switch arguments.map({ $0.lowercased() }) {
            case [], ["on"]: isOn = true
            case ["off"]: isOn = false
            default:
                throw Failure(description: "\(entry.name) takes on or off (nothing means on), got \(arguments.joined(separator: " "))")
            }
            return entry.name == "ascii" ? .setASCII(isOn) : .setNarration(isOn)
        }
        if entry.name == "open" {
            guard arguments.count == 1 else { throw Failure(description: "open takes a scenario's name: :open ravine") }
            return .openNamed(arguments[0])
        }
        if entry.name == "restarts" {
            guard (1...2).contains(arguments.count), let count = Int(arguments[0]), (1...1000).contains(count) else {
                throw Failure(description: "restarts takes a count from 1 to 1000 and optionally steps: :restarts 20 300")
            }
            let steps = arguments.count == 2 ? Int(arguments[1]) : 200
            guard let steps, (1...100_000).contains(steps) else {
                throw Failure(description: "restarts: steps must be a whole number from 1 to 100000, got \(arguments[1])")
            }
            // 1000 × 100000 would keep a core busy for minutes with no way to stop it.
            guard count * steps <= maximumRestartSteps else {
                throw Failure(description: "restarts: \(count) × \(steps) is \(count * steps) steps, more than the "
                    + "\(maximumRestartSteps) the explorer runs at once; for more, descent run --restarts \(count) "
                    + "--steps \(steps)")
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
        case "alpha", "beta1", "beta2", "eps":
            let knob = Hyperparameter(rawValue: entry.name) ?? .epsilon
            let value = try number(argument, for: entry)
            guard knob.allows(value) else {
                throw Failure(description: entry.name == "eps" ? "eps must be a number > 0, got \(argument)"
                                  : "\(entry.name) must be at least 0 and below 1, got \(argument)")
            }
            return .setHyperparameter(knob, value)
        case "seed":
            guard let seed = UInt64(argument) else {
                throw Failure(description: "seed must be a whole number from 0 to \(UInt64.max), got \(argument)")
            }
            return .setSeed(seed)
        case "tolerance":
            let value = try number(argument, for: entry)
            guard value > 0 else { throw Failure(description: "tolerance must be a distance > 0, got \(argument)") }
            return .setRestartTolerance(value)
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
        guard let value = Double(text) else {
            throw Failure(description: "\(entry.name) needs a number, got '\(text)'")
        }
        guard value.isFinite else {
            throw Failure(description: "\(entry.name) needs a finite number, got '\(text)' (a double holds up to about 1.8e308)")
        }
        return value
    }
}
