import DescentCore
import Testing

@Suite("The gradient check's relative error")
struct GradientCheckTests {
    @Test("huge gradients are compared, not overflowed into NaN")
    func hugeGradients() {
        let error = GradientCheck.relativeDifference([1e200, 0], [1e200 * (1 + 1e-12), 0])
        #expect(error > 5e-13 && error < 2e-12)
        #expect(GradientCheck.relativeDifference([5e303, -5e303], [5e303, -5e303]) == 0)
    }

    @Test("tiny gradients are compared, not underflowed into agreement")
    func tinyGradients() {
        let error = GradientCheck.relativeDifference([1e-200], [1e-200 * (1 + 1e-10)])
        #expect(error > 5e-11 && error < 2e-10)
        let subnormal = Double.leastNormalMagnitude / 1e12
        #expect(GradientCheck.relativeDifference([subnormal], [0]) == 1)
    }

    @Test("zero against zero agrees; a non-finite component cannot be compared")
    func edgeCases() {
        #expect(GradientCheck.relativeDifference([0, 0], [0, 0]) == 0)
        #expect(GradientCheck.relativeDifference([.nan, 1], [1, 1]).isNaN)
        #expect(GradientCheck.relativeDifference([.infinity], [1]).isNaN)
    }

    @Test("a check of a steep expression reports the small error central differences leave")
    func steepExpression() {
        let check = GradientCheck(at: [1], loss: { 1e200 * $0[0] }, gradient: { _ in [1e200] })
        #expect(check.relativeError.isFinite && check.relativeError < 1e-6)
    }
}
