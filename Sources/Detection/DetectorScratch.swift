import PCRE2

/// Per-worker mutable state for `Detector.scan`: PCRE2 match data, anchor lists and
/// per-rule search positions. Never shared between threads.
public final class DetectorScratch {
    let match: MatchScratch
    var events = AnchorEvents()
    /// Per rule: every match starting before this offset has been looked for.
    let searchedTo: UnsafeMutablePointer<Int>
    let ruleCount: Int
    /// Per rule: the cluster generation it was last looked at in (dedupes rules per cluster).
    let stamp: UnsafeMutablePointer<UInt32>
    var generation: UInt32 = 0
    var hits: [Hit] = []
    /// Set when a regex hit its match limit in the last scan (the object is then partial).
    public internal(set) var regexLimitHit = false
    /// Person-name scanner buffers.
    var nameTokens = NameScanner.TokenRun()
    var names: [NameScanner.Found] = []
    var nameHits: [Hit] = []
    /// What the current document has shown of a CV (reset at each stream's first chunk).
    var document = DocumentState()

    /// Creates scratch space for a detector.
    public init(for detector: Detector) {
        match = MatchScratch()
        ruleCount = detector.rules.count
        searchedTo = .allocate(capacity: max(1, ruleCount))
        searchedTo.initialize(repeating: 0, count: max(1, ruleCount))
        stamp = .allocate(capacity: max(1, ruleCount))
        stamp.initialize(repeating: 0, count: max(1, ruleCount))
    }

    deinit {
        searchedTo.deallocate()
        nameTokens.deallocate()
        stamp.deallocate()
    }
}
