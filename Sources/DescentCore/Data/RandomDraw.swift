#if canImport(Glibc)
import Glibc
#endif

// Every random number the data generators and random planes use goes through
// these two formulas, so a set drawn here can be reproduced bit for bit by
// anyone with SplitMix64 (`SeededGenerator`) and the two lines below, without
// depending on how the standard library maps bits to a `Double`.

/// Random draws with documented formulas, for seeded data and directions.
public enum RandomDraw {
    /// A uniform draw from `[0, 1)`: the top 53 bits of one 64-bit output.
    ///
    ///     u = (next() >> 11) · 2⁻⁵³
    @inlinable
    public static func unitInterval<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        Double(generator.next() >> 11) * 0x1p-53
    }

    /// A uniform draw from `[lower, upper)`: `lower + (upper − lower) · u`.
    @inlinable
    public static func uniform<G: RandomNumberGenerator>(_ lower: Double, _ upper: Double,
                                                         using generator: inout G) -> Double {
        lower + (upper - lower) * unitInterval(using: &generator)
    }

    /// A standard normal draw (mean 0, variance 1) by the Box–Muller
    /// transform of two uniform draws u₁, u₂ (in that order):
    ///
    ///     z = √(−2 ln(1 − u₁)) · cos(2π u₂)
    ///
    /// `1 − u₁` lies in (0, 1], so the logarithm is always finite. The sine
    /// partner is discarded, so each normal costs exactly two outputs.
    ///
    /// Source: Box & Muller, "A Note on the Generation of Random Normal
    /// Deviates" (1958).
    @inlinable
    public static func standardNormal<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        let u1 = unitInterval(using: &generator)
        let u2 = unitInterval(using: &generator)
        return (-2 * Glibc.log(1 - u1)).squareRoot() * Glibc.cos(2 * Double.pi * u2)
    }
}
