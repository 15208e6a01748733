/// Suggestions for a misspelt name: the closest candidate by edit distance.
public enum DidYouMean {
    /// The candidate nearest to `name` (case-insensitive edit distance,
    /// `editDistance`), if it is near enough to be a plausible typo: at most one
    /// edit per three characters of the longer word, and at least one.
    /// Ties go to the earlier candidate.
    ///
    /// - Complexity: O(Σ |name| · |candidate|).
    public static func suggestion(for name: String, among candidates: [String]) -> String? {
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(name.lowercased(), candidate.lowercased())
            let allowed = max(1, max(name.count, candidate.count) / 3)
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// The edit distance: the fewest insertions, deletions, substitutions
    /// and swaps of two adjacent characters that turn `a` into `b` (the
    /// optimal-string-alignment form of the Damerau–Levenshtein distance, so
    /// `lable` is one edit from `label`).
    ///
    /// - Complexity: O(|a| · |b|) time, O(|b|) memory.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var beforePrevious: [Int] = [], previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j - 1] + cost, previous[j] + 1, current[j - 1] + 1)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            beforePrevious = previous
            previous = current
        }
        return previous[b.count]
    }
}
