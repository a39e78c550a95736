import PCRE2

/// Per-worker mutable state for `Detector.scan`: PCRE2 match data, anchor lists and
/// per-rule search positions. Never shared between threads.
public final class DetectorScratch {
    let match: MatchScratch
    var events = AnchorEvents()
    var searchedTo: [Int]
    var hits: [Hit] = []
    /// Set when a regex hit its match limit in the last scan (the object is then partial).
    public internal(set) var regexLimitHit = false

    /// Creates scratch space for a detector.
    public init(for detector: Detector) {
        match = MatchScratch()
        searchedTo = Array(repeating: 0, count: detector.rules.count)
    }
}
