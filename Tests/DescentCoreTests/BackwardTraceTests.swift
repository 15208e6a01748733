import DescentCore
import Testing

@Suite struct `The backward pass, edge by edge` {
    func seedGraph() -> (Tape, f: Node) {
        var tape = Tape()
        let a = tape.variable(2, name: "a"), b = tape.variable(1, name: "b")
        let c = tape.name(tape.add(a, b), "c")
        let d = tape.name(tape.shift(b, by: 1), "d")
        let f = tape.name(tape.multiply(c, d), "f")
        return (tape, f)
    }

    @Test func `it visits every edge once, from the output back`() {
        let (tape, f) = seedGraph()
        let trace = BackwardTrace(tape: tape, output: f)
        #expect(trace.steps.count == tape.edgeCount)
        let names = trace.steps.map { "\(tape.name(of: $0.edge.child) ?? "?")→\(tape.name(of: $0.edge.parent) ?? "?")" }
        #expect(names == ["f→c", "f→d", "d→b", "c→a", "c→b"])
    }

    @Test func `b's adjoint is the sum of its two edges' terms`() throws {
        let (tape, f) = seedGraph()
        let trace = BackwardTrace(tape: tape, output: f)
        let b = try #require(tape.nodes.first { $0.name == "b" }).node
        let terms = trace.outgoingSteps(of: b)
        #expect(terms.map(\.contribution) == [3, 2], "df/dd·dd/db = 3·1, then df/dc·dc/db = 2·1")
        #expect(trace.adjoints(afterSteps: 3)[b] == 3, "after d→b only the first term is in")
        #expect(trace.adjoints(afterSteps: 5)[b] == 5)
    }

    @Test func `replaying every edge gives the adjoints backward computes`() {
        var (tape, f) = seedGraph()
        let trace = BackwardTrace(tape: tape, output: f)
        tape.backward(from: f)
        let replayed = trace.adjoints(afterSteps: trace.steps.count)
        for node in tape.nodes {
            #expect(replayed[node.node] == tape.adjoint(of: node.node), "\(node.name ?? "?")")
        }
    }

    @Test func `nodes that cannot reach the output are left out`() {
        var tape = Tape()
        let a = tape.variable(1, name: "a")
        _ = tape.exp(a)
        let output = tape.square(a)
        let trace = BackwardTrace(tape: tape, output: output)
        #expect(trace.nodes.map(\.operation) == [.variable, .square])
    }
}
