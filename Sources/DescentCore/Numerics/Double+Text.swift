extension Double {
    /// `Double(text)` for text from files, which may hold NUL bytes: Swift's
    /// reader stops at the first NUL (it hands the text to C's `strtod`), so
    /// a CSV cell `2\0garbage` would read as 2. Text with a NUL is no number.
    init?(wholeText text: some StringProtocol) {
        guard !text.utf8.contains(0) else { return nil }
        self.init(String(text))
    }
}
