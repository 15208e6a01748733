/// An objective whose weights are the weights and biases of neurons, so a
/// random plane through them can be filter-normalised (Li et al. 2018).
///
/// A *filter* is one neuron's incoming weight row: a range of indices into
/// the weight vector. Every index outside the filters is a bias.
public protocol LayeredObjective: Objective {
    /// The incoming-weight rows, one range of weight indices per neuron,
    /// disjoint and in increasing order.
    var filters: [Range<Int>] { get }
}

extension LayeredObjective {
    /// The indices that belong to no filter: the biases.
    public var biasIndices: [Int] {
        var isFilter = [Bool](repeating: false, count: dimension)
        for filter in filters { for i in filter { isFilter[i] = true } }
        return isFilter.indices.filter { !isFilter[$0] }
    }
}
