/// Something recorded at a step of a run.
public protocol StepStamped {
    /// The step it belongs to.
    var step: Int { get }
}

/// Values in step order with bounded memory: the latest ones kept exactly,
/// older ones thinned to every `stride`-th step, where the stride doubles
/// whenever the thinned part outgrows its limit.
///
/// The policy, with R = `recentLimit` and T = `thinnedLimit`:
/// - the recent part holds at least the latest R values and at most 2R (it
///   is thinned in chunks of R, so each append costs O(1) amortised);
/// - a value leaving the recent part is kept only if its step is a multiple
///   of `stride`; when more than T are kept, the stride doubles and the
///   kept ones are thinned again (so step 0, a multiple of every stride, is
///   never dropped);
/// - so at most T + 2R values are stored however long the run.
struct ThinnedSeries<Element: StepStamped & Sendable & Equatable>: Sendable, Equatable {
    private(set) var elements: [Element] = []
    /// How many of `elements`, from the front, form the thinned part.
    private(set) var thinnedCount = 0
    let recentLimit: Int
    let thinnedLimit: Int
    /// Values in the thinned part sit at steps that are multiples of this.
    private(set) var stride: Int

    init(recentLimit: Int, thinnedLimit: Int, baseStride: Int = 1) {
        precondition(recentLimit >= 1 && thinnedLimit >= 1 && baseStride >= 1,
                     "a thinned series needs room for at least one recent and one older value")
        self.recentLimit = recentLimit
        self.thinnedLimit = thinnedLimit
        stride = baseStride
    }

    /// The most values ever stored at once.
    var capacity: Int { thinnedLimit + 2 * recentLimit }

    mutating func append(_ element: Element) {
        precondition(elements.last.map { $0.step < element.step } ?? true, "values arrive in step order")
        elements.append(element)
        if elements.count - thinnedCount > 2 * recentLimit { thin() }
    }

    /// Replaces the latest value (a record refreshed before its step is taken).
    mutating func replaceLast(with element: Element) {
        precondition(elements.last?.step == element.step, "only the latest value can be replaced")
        elements[elements.count - 1] = element
    }

    /// Drops every value at `step` or later.
    mutating func removeAll(fromStep step: Int) {
        let keep = firstIndex(atOrAfter: step)
        elements.removeSubrange(keep...)
        thinnedCount = min(thinnedCount, elements.count)
    }

    /// The latest value at or before `step`.
    func last(atOrBefore step: Int) -> Element? {
        let index = firstIndex(atOrAfter: step + 1)
        return index > 0 ? elements[index - 1] : nil
    }

    /// Binary search: the index of the first value whose step is ≥ `step`.
    private func firstIndex(atOrAfter step: Int) -> Int {
        var low = 0, high = elements.count
        while low < high {
            let middle = (low + high) / 2
            if elements[middle].step < step { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private mutating func thin() {
        let leaving = thinnedCount..<(elements.count - recentLimit)
        let kept = elements[leaving].filter { $0.step % stride == 0 }
        elements.replaceSubrange(leaving, with: kept)
        thinnedCount += kept.count
        while thinnedCount > thinnedLimit {
            stride *= 2
            let older = elements[0..<thinnedCount].filter { $0.step % stride == 0 }
            elements.replaceSubrange(0..<thinnedCount, with: older)
            thinnedCount = older.count
        }
    }
}
