import DescentCore
import Foundation
import Testing

@Suite struct `A learning-rate sweep over the widest range` {
    @Test func `rates from 1e-300 to 1e300 are finite and evenly spaced in log scale`() {
        let rates = LearningRateSweep.rates(1e-300...1e300, count: 5)
        #expect(rates.first == 1e-300 && rates.last == 1e300, "\(rates)")
        for (rate, exponent) in zip(rates, [-300.0, -150, 0, 150, 300]) {
            #expect(rate.isFinite && abs(log10(rate) - exponent) < 1e-9, "\(rates)")
        }
        #expect(LearningRateSweep.rates(.leastNonzeroMagnitude...(.greatestFiniteMagnitude), count: 30)
            .allSatisfy { $0.isFinite && $0 > 0 })
    }
}
