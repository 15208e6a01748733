/// A classic test function of optimisation (Rosenbrock, Himmelblau, …) over
/// two weights `a` and `b`, with its documented minima and a view that shows
/// its character.
///
/// The formula is loss-expression text: it is what a person is shown and
/// what is compiled and differentiated, so the two cannot disagree. The
/// catalog is `ClassicFunction.all` (see `ClassicFunction+Catalog.swift`).
public struct ClassicFunction: Sendable {
    /// The short name it is opened by (`rosenbrock`, `six-hump-camel`).
    public let name: String
    /// The name people know it by ("Six-hump camel").
    public let title: String
    /// What it looks like and what it teaches, in one short line (at most 66 characters).
    public let summary: String
    /// The loss as expression text over `a` and `b`.
    public let formula: String
    /// The part of the plane shown by default.
    public let region: ViewRegion
    /// Where descent starts by default.
    public let start: [Double]
    /// A plain-descent learning rate that makes visible progress from
    /// `start` without diverging.
    public let learningRate: Double
    /// The documented minima (global ones first), each recomputed to full
    /// double precision by Newton's method at 40 digits.
    public let minima: [KnownMinimum]
    /// The minima where the gradient does not exist (Ackley's cusp at the
    /// origin), so no one expects it to vanish there.
    public let cusps: [[Double]]
    /// The compiled formula.
    public let objective: ExpressionObjective

    /// The weight names of every classic function.
    public static let weightNames = ["a", "b"]

    /// Compiles `formula` (see `compiled`).
    public init(name: String, title: String, summary: String, formula: String, region: ViewRegion,
                start: [Double], learningRate: Double, minima: [KnownMinimum], cusps: [[Double]] = []) {
        precondition(start.count == 2 && minima.allSatisfy { $0.point.count == 2 },
                     "a classic function is a surface over two weights, a and b")
        self.name = name
        self.title = title
        self.summary = summary
        self.formula = formula
        self.region = region
        self.start = start
        self.learningRate = learningRate
        self.minima = minima
        self.cusps = cusps
        objective = Self.compiled(formula, name: name)
    }

    /// A catalog formula compiled; one that does not compile is a mistake
    /// in the catalog, not in anyone's input.
    static func compiled(_ formula: String, name: String) -> ExpressionObjective {
        do {
            return try ExpressionObjective(formula, weightNames: weightNames)
        } catch {
            preconditionFailure("the formula of the classic function \(name) does not compile:\n\(error)")
        }
    }

    /// The lowest documented loss.
    public var globalMinimumLoss: Double? { minima.filter(\.isGlobal).map(\.loss).min() }

    /// A scenario on this function: its region, start and minima, plain
    /// gradient descent at `learningRate` unless `optimizer` is given.
    /// The title is the formula; the lesson is the summary.
    public func scenario(optimizer: Optimizer? = nil) -> Scenario {
        Scenario(name: name, title: formula, lesson: "\(title): \(summary)", objective: objective,
                 region: region, start: start,
                 optimizer: optimizer ?? Optimizer(.sgd, Hyperparameters(learningRate: learningRate)),
                 minima: minima)
    }
}
