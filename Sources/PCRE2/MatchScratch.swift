internal import CPCRE2

/// Per-thread PCRE2 match data and match limits.
///
/// Not Sendable: the PCRE2 manual says match data must not be shared between threads
/// that match at the same time; each worker owns one.
public final class MatchScratch {
    let data: OpaquePointer
    let context: OpaquePointer

    /// Match limit (backtracking steps) per match call; from DESIGN.md's limits.
    public static let defaultMatchLimit: UInt32 = 100_000
    /// Depth limit per match call (interpreter only; the JIT uses its own stack).
    public static let defaultDepthLimit: UInt32 = 2_000

    /// Creates scratch space for patterns with up to `maxCaptures` groups.
    public init(maxCaptures: Int = 15, matchLimit: UInt32 = MatchScratch.defaultMatchLimit,
                depthLimit: UInt32 = MatchScratch.defaultDepthLimit) {
        data = pcre2_match_data_create_8(UInt32(maxCaptures + 1), nil)!
        context = pcre2_match_context_create_8(nil)!
        pcre2_set_match_limit_8(context, matchLimit)
        pcre2_set_depth_limit_8(context, depthLimit)
    }

    deinit {
        pcre2_match_data_free_8(data)
        pcre2_match_context_free_8(context)
    }
}
