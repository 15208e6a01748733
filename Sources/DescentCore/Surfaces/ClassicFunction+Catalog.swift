// The catalog of classic test functions. Formulas and minima follow the usual
// references: Surjanovic & Bingham, "Virtual Library of Simulation
// Experiments: Optimization Test Problems" (Simon Fraser University), and
// Jamil & Yang, "A literature survey of benchmark functions for global
// optimization problems" (2013). Every minimum below was recomputed with
// Newton's method at 40 significant digits (mpmath) and rounded to the
// nearest double; the tests check the value and the vanishing gradient at
// each one. Starts and learning rates were chosen by running plain gradient
// descent from them: none diverges, and each shows the function's character.

extension ClassicFunction {
    /// Every classic function, in the order `descent --help` lists them.
    public static let all: [ClassicFunction] = [
        bowl, ravine, saddle, rosenbrock, himmelblau, beale, booth, matyas,
        threeHumpCamel, sixHumpCamel, rastrigin, ackley, styblinskiTang, wells,
    ]

    /// The function called `name`, if there is one.
    public static func named(_ name: String) -> ClassicFunction? {
        all.first { $0.name == name }
    }

    /// `a² + b²`: the convex bowl, where every method works.
    public static let bowl = ClassicFunction(
        name: "bowl", title: "Convex bowl",
        summary: "round and convex: every step points at the one minimum",
        formula: "a^2 + b^2",
        region: ViewRegion(horizontal: -3...3, vertical: -3...3), start: [-2.5, 2], learningRate: 0.1,
        minima: [KnownMinimum(point: [0, 0], loss: 0, isGlobal: true, label: "(0, 0)")])

    /// `½a² + 12.5b²`: an ill-conditioned ravine (curvatures 1 and 25, condition number 25).
    public static let ravine = ClassicFunction(
        name: "ravine", title: "Ill-conditioned ravine",
        summary: "25 times steeper across than along: plain descent zig-zags",
        formula: "0.5*a^2 + 12.5*b^2",
        region: ViewRegion(horizontal: -3...3, vertical: -1.5...1.5), start: [-2.8, 1.2], learningRate: 0.07,
        minima: [KnownMinimum(point: [0, 0], loss: 0, isGlobal: true, label: "(0, 0)")])

    /// `a² + ¼b⁴ − ½b²`: a saddle point at the origin between two valleys at b = ±1.
    public static let saddle = ClassicFunction(
        name: "saddle", title: "Saddle point",
        summary: "a saddle between two valleys: descent lingers, then escapes",
        formula: "a^2 + 0.25*b^4 - 0.5*b^2",
        region: ViewRegion(horizontal: -3...3, vertical: -2...2), start: [-2.5, 0.01], learningRate: 0.1,
        minima: [
            KnownMinimum(point: [0, 1], loss: -0.25, isGlobal: true, label: "(0, 1)"),
            KnownMinimum(point: [0, -1], loss: -0.25, isGlobal: true, label: "(0, -1)"),
        ])

    /// Rosenbrock (1960): `(1 − a)² + 100(b − a²)²`, minimum 0 at (1, 1).
    public static let rosenbrock = ClassicFunction(
        name: "rosenbrock", title: "Rosenbrock",
        summary: "a curved banana valley: easy to find, slow to follow to (1, 1)",
        formula: "(1 - a)^2 + 100*(b - a^2)^2",
        region: ViewRegion(horizontal: -2...2, vertical: -1...3), start: [-1.2, 1], learningRate: 0.002,
        minima: [KnownMinimum(point: [1, 1], loss: 0, isGlobal: true, label: "(1, 1)")])

    /// Himmelblau (1972): `(a² + b − 11)² + (a + b² − 7)²`, four global minima of 0.
    public static let himmelblau = ClassicFunction(
        name: "himmelblau", title: "Himmelblau",
        summary: "four equal minima: the start decides which one descent finds",
        formula: "(a^2 + b - 11)^2 + (a + b^2 - 7)^2",
        region: ViewRegion(horizontal: -5...5, vertical: -5...5), start: [0, 0], learningRate: 0.01,
        minima: [
            KnownMinimum(point: [3, 2], loss: 0, isGlobal: true, label: "(3, 2)"),
            KnownMinimum(point: [-2.805118086952745, 3.131312518250573], loss: 0, isGlobal: true,
                         label: "(-2.805, 3.131)"),
            KnownMinimum(point: [-3.779310253377747, -3.2831859912861696], loss: 0, isGlobal: true,
                         label: "(-3.779, -3.283)"),
            KnownMinimum(point: [3.5844283403304917, -1.8481265269644036], loss: 0, isGlobal: true,
                         label: "(3.584, -1.848)"),
        ])

    /// Beale: `(1.5 − a + ab)² + (2.25 − a + ab²)² + (2.625 − a + ab³)²`, minimum 0 at (3, 0.5).
    public static let beale = ClassicFunction(
        name: "beale", title: "Beale",
        summary: "plateaus and ridges around a narrow valley to (3, 0.5)",
        formula: "(1.5 - a + a*b)^2 + (2.25 - a + a*b^2)^2 + (2.625 - a + a*b^3)^2",
        region: ViewRegion(horizontal: -1...4.5, vertical: -1.5...2), start: [1, 1], learningRate: 0.01,
        minima: [KnownMinimum(point: [3, 0.5], loss: 0, isGlobal: true, label: "(3, 0.5)")])

    /// Booth: `(a + 2b − 7)² + (2a + b − 5)²`, minimum 0 at (1, 3).
    public static let booth = ClassicFunction(
        name: "booth", title: "Booth",
        summary: "a tilted quadratic bowl with its minimum at (1, 3)",
        formula: "(a + 2*b - 7)^2 + (2*a + b - 5)^2",
        region: ViewRegion(horizontal: -10...10, vertical: -10...10), start: [-8, 8], learningRate: 0.05,
        minima: [KnownMinimum(point: [1, 3], loss: 0, isGlobal: true, label: "(1, 3)")])

    /// Matyas: `0.26(a² + b²) − 0.48ab`, minimum 0 at the origin.
    public static let matyas = ClassicFunction(
        name: "matyas", title: "Matyas",
        summary: "a nearly flat diagonal trough where descent crawls",
        formula: "0.26*(a^2 + b^2) - 0.48*a*b",
        region: ViewRegion(horizontal: -10...10, vertical: -10...10), start: [-6, 8], learningRate: 0.5,
        minima: [KnownMinimum(point: [0, 0], loss: 0, isGlobal: true, label: "(0, 0)")])

    /// Three-hump camel: `2a² − 1.05a⁴ + a⁶/6 + ab + b²`, global minimum 0 at
    /// the origin, two local minima of 0.29864 at ±(1.7476, −0.8738).
    public static let threeHumpCamel = ClassicFunction(
        name: "three-hump-camel", title: "Three-hump camel",
        summary: "a global minimum at (0, 0) flanked by two local traps",
        formula: "2*a^2 - 1.05*a^4 + a^6/6 + a*b + b^2",
        region: ViewRegion(horizontal: -3...3, vertical: -2...2), start: [2.5, -1.8], learningRate: 0.02,
        minima: [
            KnownMinimum(point: [0, 0], loss: 0, isGlobal: true, label: "(0, 0)"),
            KnownMinimum(point: [1.7475523458302888, -0.8737761729151444], loss: 0.2986384422368598,
                         isGlobal: false, label: "(1.748, -0.874)"),
            KnownMinimum(point: [-1.7475523458302888, 0.8737761729151444], loss: 0.2986384422368598,
                         isGlobal: false, label: "(-1.748, 0.874)"),
        ])

    /// Six-hump camel: `(4 − 2.1a² + a⁴/3)a² + ab + (−4 + 4b²)b²`, two global
    /// minima of −1.0316 at ±(0.0898, −0.7127) and four local ones.
    public static let sixHumpCamel = ClassicFunction(
        name: "six-hump-camel", title: "Six-hump camel",
        summary: "six minima: two global near the centre, four local at the sides",
        formula: "(4 - 2.1*a^2 + a^4/3)*a^2 + a*b + (-4 + 4*b^2)*b^2",
        region: ViewRegion(horizontal: -2...2, vertical: -1...1), start: [0.5, 0.9], learningRate: 0.02,
        minima: [
            KnownMinimum(point: [0.08984201310031806, -0.7126564030207396], loss: -1.0316284534898774,
                         isGlobal: true, label: "(0.090, -0.713)"),
            KnownMinimum(point: [-0.08984201310031806, 0.7126564030207396], loss: -1.0316284534898774,
                         isGlobal: true, label: "(-0.090, 0.713)"),
            KnownMinimum(point: [1.703606714969981, -0.7960835686726251], loss: -0.21546382438371764,
                         isGlobal: false, label: "(1.704, -0.796)"),
            KnownMinimum(point: [-1.703606714969981, 0.7960835686726251], loss: -0.21546382438371764,
                         isGlobal: false, label: "(-1.704, 0.796)"),
            KnownMinimum(point: [1.6071047529201972, 0.5686514548841314], loss: 2.1042503103112584,
                         isGlobal: false, label: "(1.607, 0.569)"),
            KnownMinimum(point: [-1.6071047529201972, -0.5686514548841314], loss: 2.1042503103112584,
                         isGlobal: false, label: "(-1.607, -0.569)"),
        ])

    /// Rastrigin: `20 + a² − 10cos(2πa) + b² − 10cos(2πb)`, minimum 0 at the
    /// origin; local minima near every integer point (not listed).
    public static let rastrigin = ClassicFunction(
        name: "rastrigin", title: "Rastrigin",
        summary: "an egg-box of local minima around the global one at (0, 0)",
        formula: rastriginFormula,
        region: ViewRegion(horizontal: -5.12...5.12, vertical: -5.12...5.12), start: [2.2, -1.3],
        learningRate: 0.002,
        minima: eggBoxMinima(of: rastriginFormula, name: "rastrigin"))

    /// Ackley (1987): `−20exp(−0.2√(½(a² + b²))) − exp(½(cos 2πa + cos 2πb)) + e + 20`,
    /// minimum 0 at the origin, where it has a cusp (no gradient), and a
    /// local minimum beside every other pair of whole numbers.
    public static let ackley = ClassicFunction(
        name: "ackley", title: "Ackley",
        summary: "ripples of local minima over a funnel with a sharp tip at (0, 0)",
        formula: ackleyFormula,
        region: ViewRegion(horizontal: -5...5, vertical: -5...5), start: [3.5, -2.5], learningRate: 0.01,
        minima: eggBoxMinima(of: ackleyFormula, name: "ackley"),
        cusps: [[0, 0]])

    /// Styblinski–Tang: `½(a⁴ − 16a² + 5a + b⁴ − 16b² + 5b)`, global minimum
    /// −78.332 at (−2.9035, −2.9035) and three local ones.
    public static let styblinskiTang = ClassicFunction(
        name: "styblinski-tang", title: "Styblinski–Tang",
        summary: "four minima at the corners of a square; the deepest at (-2.9, -2.9)",
        formula: "0.5*(a^4 - 16*a^2 + 5*a + b^4 - 16*b^2 + 5*b)",
        region: ViewRegion(horizontal: -5...5, vertical: -5...5), start: [0, 0], learningRate: 0.01,
        minima: [
            KnownMinimum(point: [-2.903534027771177, -2.903534027771177], loss: -78.33233140754282,
                         isGlobal: true, label: "(-2.904, -2.904)"),
            KnownMinimum(point: [-2.903534027771177, 2.746802770990837], loss: -64.19561235905536,
                         isGlobal: false, label: "(-2.904, 2.747)"),
            KnownMinimum(point: [2.746802770990837, -2.903534027771177], loss: -64.19561235905536,
                         isGlobal: false, label: "(2.747, -2.904)"),
            KnownMinimum(point: [2.746802770990837, 2.746802770990837], loss: -50.05889331056788,
                         isGlobal: false, label: "(2.747, 2.747)"),
        ])

    /// Four wells of different depths in a gentle bowl, designed for this
    /// catalog: one global minimum and three local ones, each found by
    /// Newton's method and checked as the only minima on a 400 × 400 grid
    /// over [−6, 6]².
    public static let wells = ClassicFunction(
        name: "wells", title: "Four wells",
        summary: "one deep well and three shallow ones that trap descent",
        formula: "0.05*(a^2 + b^2) - 3*exp(-((a - 2)^2 + (b + 1)^2)) - 2*exp(-((a + 2)^2 + (b - 1.5)^2)/0.8)"
            + " - 1.5*exp(-((a + 1.5)^2 + (b + 2)^2)/0.6) - exp(-((a - 1)^2 + (b - 2.5)^2)/0.5)",
        region: ViewRegion(horizontal: -4...4, vertical: -4...4), start: [-0.5, 0.5], learningRate: 0.1,
        minima: [
            KnownMinimum(point: [1.9671696360945767, -0.9835848188405988], loss: -2.7541010755561195,
                         isGlobal: true, label: "(1.967, -0.984)"),
            KnownMinimum(point: [-1.960667969030787, 1.4705009803178226], loss: -1.6936365233001065,
                         isGlobal: false, label: "(-1.961, 1.471)"),
            KnownMinimum(point: [-1.470462109459994, -1.960625353782817], loss: -1.1936470123321634,
                         isGlobal: false, label: "(-1.470, -1.961)"),
            KnownMinimum(point: [0.9753847881416364, 2.438480806406814], loss: -0.6463972916738744,
                         isGlobal: false, label: "(0.975, 2.438)"),
        ])
}
