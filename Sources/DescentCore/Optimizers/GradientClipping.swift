/// Gradient-norm clipping, as `torch.nn.utils.clip_grad_norm_` does it
/// (L2 norm, one parameter group):
///
///     c = maxNorm / (‖g‖₂ + 10⁻⁶)
///     g ← g · min(c, 1)
///
/// The 10⁻⁶ keeps the division finite at g = 0, and means a gradient whose
/// norm equals `maxNorm` is still scaled by a hair less than 1 (as in torch).
/// Valid range: maxNorm > 0. The sum of squares is accumulated in order with
/// fused multiply-adds, as torch's norm kernel does for a handful of
/// components (bit for bit for the two-weight landscapes); for long vectors
/// torch's vectorised reduction may add in another order and differ in the
/// last bit.
public enum GradientClipping {
    /// `gradient` scaled down to norm `maxNorm` (or a hair below) when longer;
    /// unchanged in value otherwise.
    ///
    /// - Complexity: O(n) for n components.
    public static func clip(_ gradient: [Double], maxNorm: Double) -> [Double] {
        var sumOfSquares = 0.0
        // Accumulated with fused multiply-adds, as torch's norm kernel does.
        for component in gradient { sumOfSquares = sumOfSquares.addingProduct(component, component) }
        let coefficient = maxNorm / (sumOfSquares.squareRoot() + 1e-6)
        // torch.clamp(max: 1) keeps a NaN, so a non-finite gradient stays visible.
        let clamped = coefficient.isNaN ? coefficient : Swift.min(coefficient, 1)
        return gradient.map { $0 * clamped }
    }
}
