/// One stop of a guided tour: a preset, the topic it teaches, and a caption
/// that says what to do there and what to notice.
public struct TourStop: Sendable, Equatable {
    /// The preset's name (one of `Presets.names`).
    public let scenario: String
    /// The topic in a few words, for a heading ("The chain rule").
    public let topic: String
    /// What to do and what to notice, at most `Tour.maximumCaptionLength`
    /// characters (two lines of an 80-column terminal). The scenario's
    /// lesson says more; the caption is what stays on screen.
    public let caption: String

    public init(scenario: String, topic: String, caption: String) {
        self.scenario = scenario
        self.topic = topic
        self.caption = caption
    }
}
