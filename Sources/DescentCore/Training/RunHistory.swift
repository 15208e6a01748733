/// The records of a run, start first, in bounded memory.
///
/// The latest `recentLimit` steps (at least) are kept exactly, every one of
/// them; older steps are thinned to every `stride`-th step, the stride
/// doubling whenever more than `thinnedLimit` older records are kept. Step 0
/// is always kept. So however long the run, at most
/// `thinnedLimit + 2 · recentLimit` records are stored (6,144 by default):
/// a million steps cost the same memory as ten thousand. A view drawing the
/// path or the loss curve sees the recent steps exactly and the distant
/// past at a coarser grain, which at screen resolution looks the same.
public struct RunHistory: Sendable, Equatable {
    private var series: ThinnedSeries<StepRecord>

    /// Keeps the latest `recentLimit` steps exactly (up to twice that) and at
    /// most `thinnedLimit` older ones.
    public init(recentLimit: Int = 2048, thinnedLimit: Int = 2048) {
        series = ThinnedSeries(recentLimit: recentLimit, thinnedLimit: thinnedLimit)
    }

    /// The stored records in step order. Consecutive near the end; older
    /// ones are `stride` steps apart (or more, around a thinning boundary).
    public var records: [StepRecord] { series.elements }

    public mutating func append(_ record: StepRecord) { series.append(record) }

    /// Replaces the latest record (same step) with a refreshed one.
    public mutating func replaceLast(with record: StepRecord) { series.replaceLast(with: record) }

    /// Forgets the records at `step` and later (a rewind).
    public mutating func removeAll(fromStep step: Int) { series.removeAll(fromStep: step) }

    /// The latest stored record at or before `step`.
    public func record(atOrBefore step: Int) -> StepRecord? { series.last(atOrBefore: step) }

    public var last: StepRecord? { series.elements.last }
    public var first: StepRecord? { series.elements.first }
    public var count: Int { series.elements.count }
    public var isEmpty: Bool { series.elements.isEmpty }
    /// The most records ever stored at once.
    public var capacity: Int { series.capacity }
    /// The latest steps kept exactly.
    public var recentLimit: Int { series.recentLimit }
    /// The most older, thinned records kept.
    public var thinnedLimit: Int { series.thinnedLimit }
    /// The spacing of the thinned records, in steps (1 until the first thinning).
    public var stride: Int { series.stride }
}
