import DescentCore
import Testing
import TestSupport

@Suite struct `Back-propagation on a graph` {
    /// The seed's example: c = a + b, d = b + 1, f = c·d.
    func recordSeedGraph(a: Double, b: Double) -> (Tape, f: Node, a: Node, b: Node) {
        var tape = Tape()
        let a = tape.variable(a, name: "a"), b = tape.variable(b, name: "b")
        let c = tape.name(tape.add(a, b), "c")
        let d = tape.name(tape.shift(b, by: 1), "d")
        let f = tape.name(tape.multiply(c, d), "f")
        return (tape, f, a, b)
    }

    @Test func `the sum rule adds both paths into b`() {
        var (tape, f, a, b) = recordSeedGraph(a: 2, b: 1)
        #expect(tape.value(of: f) == 6)
        let gradient = tape.gradient(of: f, withRespectTo: [a, b])
        // df/da = df/dc·dc/da = d = 2; df/db = df/dc·dc/db + df/dd·dd/db = d + c = 2 + 3.
        #expect(gradient == [2, 5])
    }

    @Test func `the graph is introspectable with values, partials and adjoints`() {
        var (tape, f, _, _) = recordSeedGraph(a: 2, b: 1)
        tape.backward(from: f)
        let nodes = tape.nodes
        #expect(nodes.map(\.name) == ["a", "b", "c", "d", "f"])
        #expect(nodes.map(\.operation) == [.variable, .variable, .add, .shift, .multiply])
        #expect(nodes.map(\.value) == [2, 1, 3, 2, 6])
        #expect(nodes.map(\.adjoint) == [2, 5, 2, 3, 1])
        // b has two outgoing edges (into c and into d): the sum rule's two terms.
        let fromB = tape.edges.filter { $0.parent == nodes[1].node }
        #expect(fromB.count == 2)
        #expect(tape.edgeCount == 5)
        #expect(nodes[4].localPartials == [2, 3])
    }

    @Test func `a value used twice receives both contributions`() {
        var tape = Tape()
        let x = tape.variable(3)
        let y = tape.multiply(x, x)
        #expect(tape.gradient(of: y, withRespectTo: [x]) == [6])
    }

    @Test func `a long chain needs no recursion`() {
        var tape = Tape()
        let x = tape.variable(1)
        var y = x
        for _ in 0..<200_000 { y = tape.scale(y, by: 1) }
        #expect(tape.gradient(of: y, withRespectTo: [x]) == [1])
    }

    @Test func `a composite function matches finite differences at seeded points`() {
        func record(_ tape: inout Tape, _ x: Node, _ y: Node) -> Node {
            let product = tape.multiply(tape.sin(x), tape.exp(tape.scale(y, by: 0.3)))
            let ratio = tape.divide(tape.tanh(x), tape.shift(tape.square(y), by: 1))
            return tape.add(product, tape.sigmoid(tape.subtract(ratio, tape.log(tape.shift(tape.square(x), by: 2)))))
        }
        for point in seededPoints(count: 25, dimension: 2, in: -3...3, seed: 42) {
            var tape = Tape()
            let x = tape.variable(point[0]), y = tape.variable(point[1])
            let gradient = tape.gradient(of: record(&tape, x, y), withRespectTo: [x, y])
            let estimate = centralDifferences(of: { p in
                var scratch = Tape()
                let out = record(&scratch, scratch.variable(p[0]), scratch.variable(p[1]))
                return scratch.value(of: out)
            }, at: point)
            #expect(GradientCheck.relativeDifference(gradient, estimate) < 1e-7, "at \(point)")
        }
    }

    @Test func `gradient check reports a tiny relative error for a correct gradient and a large one otherwise`() {
        let model = Scenario.mseFit.objective
        let good = GradientCheck(at: [0.5, -1], loss: { model.loss(at: $0) }, gradient: { model.evaluate(at: $0).gradient })
        #expect(good.relativeError < 1e-8)
        let bad = GradientCheck(at: [0.5, -1], loss: { model.loss(at: $0) },
                                gradient: { model.evaluate(at: $0).gradient.map { $0 * 1.1 } })
        #expect(bad.relativeError > 0.05)
    }
}
