/// The records of a run, start first.
///
/// Kept behind its own type so that how much is stored (every step, or
/// recent steps exactly and older ones thinned) is decided in one place.
public struct RunHistory: Sendable, Equatable {
    public private(set) var records: [StepRecord] = []

    public init() {}

    public mutating func append(_ record: StepRecord) {
        records.append(record)
    }

    public var last: StepRecord? { records.last }
    public var first: StepRecord? { records.first }
    public var count: Int { records.count }
    public var isEmpty: Bool { records.isEmpty }
}
