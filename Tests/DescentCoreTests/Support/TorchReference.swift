import DescentCore
import Foundation

/// The PyTorch reference trajectories in `Fixtures/torch_reference.json`,
/// written by `scripts/torch_reference.py` (see its header for what each
/// part records and how to regenerate it).
///
/// Read with `JSONDecoder`, not `JSONSerialization`: on Linux the latter
/// rounds some decimals to a neighbouring double (0.22154495840000002 reads
/// as 0.22154495839999994), which would hide or invent differences of one ulp.
struct TorchReference: Decodable {
    struct Settings: Decodable, Equatable {
        let learningRate: Double
        let momentum: Double
        let alpha: Double
        let beta1: Double
        let beta2: Double
        let epsilon: Double

        var hyperparameters: Hyperparameters {
            Hyperparameters(learningRate: learningRate, momentum: momentum, alpha: alpha,
                            beta1: beta1, beta2: beta2, epsilon: epsilon)
        }
    }

    struct Schedule: Decodable {
        let name: String
        let every: Int?
        let factor: Double?
        let period: Int?
        let minimum: Double?

        var schedule: LearningRateSchedule {
            switch name {
            case "step": .step(every: every ?? 1, factor: factor ?? 1)
            case "exponential": .exponential(factor: factor ?? 1)
            case "cosine": .cosine(period: period ?? 1, minimum: minimum ?? 0)
            default: preconditionFailure("the fixture names an unknown schedule '\(name)'")
            }
        }
    }

    struct Change: Decodable {
        let atStep: Int
    }

    struct Record: Decodable {
        let step: Int
        let weights: [Double]
        let loss: Double
        let gradient: [Double]
        let clippedGradient: [Double]
        let settings: Settings
        var hyperparameters: Hyperparameters { settings.hyperparameters }

        enum CodingKeys: String, CodingKey {
            case step, weights, loss, gradient, clippedGradient
            case settings = "hyperparameters"
        }
    }

    struct Trajectory: Decodable, CustomStringConvertible {
        let name: String
        let loss: String
        let optimizer: String
        let start: [Double]
        let steps: Int
        let change: Change?
        let schedule: Schedule?
        let clip: Double?
        let records: [Record]
        let final: [Double]
        var description: String { name }

        var kind: OptimizerKind {
            guard let kind = OptimizerKind(rawValue: optimizer) else {
                preconditionFailure("the fixture names an unknown optimizer '\(optimizer)'")
            }
            return kind
        }
        var learningRateSchedule: LearningRateSchedule { schedule?.schedule ?? .constant }
    }

    struct ScheduleCase: Decodable, CustomStringConvertible {
        let schedule: Schedule
        let base: Double
        let learningRates: [Double]
        var description: String { "\(schedule.schedule)" }
    }

    struct ClippingCase: Decodable, CustomStringConvertible {
        let gradient: [Double]
        let maxNorm: Double
        let norm: Double
        let clipped: [Double]
        var description: String { "\(gradient) to norm \(maxNorm)" }
    }

    let trajectories: [Trajectory]
    let schedules: [ScheduleCase]
    let clipping: [ClippingCase]
    let scheduledClippedTrajectories: [Trajectory]

    /// Loaded once per test process.
    static let shared: TorchReference = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/torch_reference.json")
        do {
            return try JSONDecoder().decode(TorchReference.self, from: Data(contentsOf: url))
        } catch {
            preconditionFailure("cannot read \(url.path): \(error)")
        }
    }()

    /// The analytic losses of the fixture, written as the script writes them.
    static func objective(named name: String) -> any Objective {
        switch name {
        case "bowl": ReferenceLoss.bowl
        case "rosenbrock": ReferenceLoss.rosenbrock
        case "wave": ReferenceLoss.wave
        default: preconditionFailure("the fixture names an unknown loss '\(name)'")
        }
    }
}

/// The fixture's analytic losses as objectives (the expression language
/// lives elsewhere; these are spelled out with the evaluator's operations,
/// in the order the script writes them).
enum ReferenceLoss {
    static let bowl = Bowl()
    static let rosenbrock = Rosenbrock()
    static let wave = Wave()

    /// 0.5·a·a + 5·b·b + 0.5·a·b
    struct Bowl: Objective {
        let parameterNames = ["a", "b"]
        let sampleCount = 0
        func loss<E: ScalarEvaluator>(_ weights: [E.Value], batch: Batch, in e: inout E) -> E.Value {
            let a = weights[0], b = weights[1]
            let aa = e.multiply(e.scale(a, by: 0.5), a), bb = e.multiply(e.scale(b, by: 5), b)
            return e.add(e.add(aa, bb), e.multiply(e.scale(a, by: 0.5), b))
        }
    }

    /// (1 − a)² + 100·(b − a·a)²
    struct Rosenbrock: Objective {
        let parameterNames = ["a", "b"]
        let sampleCount = 0
        func loss<E: ScalarEvaluator>(_ weights: [E.Value], batch: Batch, in e: inout E) -> E.Value {
            let a = weights[0], b = weights[1]
            let first = e.square(e.shift(e.negate(a), by: 1))
            let second = e.square(e.subtract(b, e.multiply(a, a)))
            return e.add(first, e.scale(second, by: 100))
        }
    }

    /// sin(a)·cos(b) + 0.1·(a·a + b·b)
    struct Wave: Objective {
        let parameterNames = ["a", "b"]
        let sampleCount = 0
        func loss<E: ScalarEvaluator>(_ weights: [E.Value], batch: Batch, in e: inout E) -> E.Value {
            let a = weights[0], b = weights[1]
            let product = e.multiply(e.sin(a), e.cos(b))
            return e.add(product, e.scale(e.add(e.multiply(a, a), e.multiply(b, b)), by: 0.1))
        }
    }
}
