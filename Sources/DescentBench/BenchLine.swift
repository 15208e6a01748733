/// One check value of a workload: what must agree between implementations
/// so that a fast wrong answer cannot pass as fast.
public enum CheckValue: Sendable, Equatable {
    case number(Double)
    /// A grid cell `[i, j]`, 0-based.
    case cell(Int, Int)
    case integer(Int)
    case flag(Bool)

    /// The value as JSON.
    public var json: String {
        switch self {
        case .number(let value): BenchLine.json(value)
        case .cell(let i, let j): "[\(i),\(j)]"
        case .integer(let value): String(value)
        case .flag(let value): value ? "true" : "false"
        }
    }
}

/// What a check value must be: a number within a relative tolerance, or an
/// exact value.
public enum Expectation: Sendable, Equatable {
    case close(Double, relativeTolerance: Double)
    case exactly(CheckValue)

    /// A sentence saying how `actual` misses this expectation, or nil when it
    /// meets it.
    public func problem(with actual: CheckValue) -> String? {
        switch self {
        case .close(let expected, let tolerance):
            guard case .number(let value) = actual else { return "expected a number near \(expected), got \(actual.json)" }
            let scale = max(Swift.abs(expected), Swift.abs(value))
            let difference = Swift.abs(value - expected)
            if value == expected || difference <= tolerance * scale { return nil }
            return "got \(BenchLine.json(value)), expected \(BenchLine.json(expected)) to a relative \(tolerance)"
        case .exactly(let expected):
            return actual == expected ? nil : "got \(actual.json), expected \(expected.json)"
        }
    }
}

/// One checked value: its key in the JSON line, what was computed, and what
/// it must be.
public struct Check: Sendable, Equatable {
    public let key: String
    public let value: CheckValue
    public let expectation: Expectation

    public init(_ key: String, _ value: CheckValue, _ expectation: Expectation) {
        self.key = key
        self.value = value
        self.expectation = expectation
    }

    public init(_ key: String, _ value: Double, expected: Double, tolerance: Double) {
        self.init(key, .number(value), .close(expected, relativeTolerance: tolerance))
    }

    /// Why the value misses its expectation, or nil.
    public var problem: String? { expectation.problem(with: value).map { "\(key): \($0)" } }
}

/// One line of `descent bench` output, in the format WORKLOADS.md specifies:
///
///     {"workload":"W1","impl":"descent","unit":"step","n":100000,
///      "ns_per_unit":123.4,"check":{"w":2.97,"b":-1.0,"loss":0.12}}
///
/// W5 lines carry `"k":K` after `"impl"`.
public struct BenchLine: Sendable, Equatable {
    public let workload: String
    /// W5's graph size K; nil for the other workloads.
    public let k: Int?
    public let unit: String
    /// The units in one timed run.
    public let n: Int
    public let nanosecondsPerUnit: Double
    public let checks: [Check]

    public init(workload: String, k: Int? = nil, unit: String, n: Int, nanosecondsPerUnit: Double, checks: [Check]) {
        self.workload = workload
        self.k = k
        self.unit = unit
        self.n = n
        self.nanosecondsPerUnit = nanosecondsPerUnit
        self.checks = checks
    }

    /// Every check that misses its expectation, as a sentence naming the
    /// workload.
    public var problems: [String] {
        let label = workload + (k.map { " K=\($0)" } ?? "")
        return checks.compactMap { $0.problem.map { "\(label) \($0)" } }
    }

    /// The line as JSON, keys in the spec's order.
    public var json: String {
        var text = "{\"workload\":\"\(workload)\",\"impl\":\"descent\""
        if let k { text += ",\"k\":\(k)" }
        text += ",\"unit\":\"\(unit)\",\"n\":\(n),\"ns_per_unit\":\(Self.json(Self.rounded(nanosecondsPerUnit)))"
        text += ",\"check\":{" + checks.map { "\"\($0.key)\":\($0.value.json)" }.joined(separator: ",") + "}}"
        return text
    }

    /// A double as JSON: shortest round-trip digits; non-finite values as
    /// null (JSON has no NaN), which never meets an expectation.
    static func json(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "null"
    }

    /// Timings to four significant digits: the machine is noisier than that.
    static func rounded(_ value: Double) -> Double {
        guard value.isFinite, value > 0 else { return value }
        // Scale by an exact power of ten in the direction that keeps it exact.
        var power = 1.0, digits = value
        if value >= 10000 {
            while digits >= 10000 { power *= 10; digits = value / power }
            return digits.rounded() * power
        }
        while digits < 1000 { power *= 10; digits = value * power }
        return digits.rounded() / power
    }
}
