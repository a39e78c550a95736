internal import CPCRE2

/// A pattern compiled once (with the JIT when available) and shared by every thread.
///
/// `@unchecked Sendable`: the PCRE2 manual (MULTITHREADING) says compiled code, including
/// its JIT code, is read-only after compilation and may be shared between threads; only
/// match data and JIT stacks are per thread, and those live in `MatchScratch`.
public final class CompiledPattern: @unchecked Sendable {
    let code: OpaquePointer
    /// Whether the JIT compiled this pattern (else the interpreter runs it).
    public let isJIT: Bool
    /// Number of capturing groups.
    public let captureCount: Int
    /// The pattern text.
    public let source: String

    /// Compiles `pattern`; throws with PCRE2's message and the offset on failure.
    public init(_ pattern: String, options: PatternOptions = [], context: String) throws(PCRE2Error) {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let bytes = Array(pattern.utf8)
        let compiled = bytes.withUnsafeBufferPointer { buf in
            pcre2_compile_8(buf.baseAddress, buf.count, options.compileBits, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw PCRE2Error(code: errorCode, offset: errorOffset, context: context)
        }
        code = compiled
        source = pattern
        isJIT = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        var count: UInt32 = 0
        _ = pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        captureCount = Int(count)
    }

    deinit { pcre2_code_free_8(code) }

    /// Finds the leftmost match at or after `start` in `subject[0..<length]`.
    ///
    /// Bytes before `start` are visible to look-behind. Returns nil when there is no match;
    /// throws for match-limit and other errors so callers can mark the object partial.
    @inline(__always)
    public func firstMatch(in subject: UnsafePointer<UInt8>, length: Int, from start: Int,
                           scratch: MatchScratch) throws(PCRE2Error) -> Match? {
        let rc: Int32
        if isJIT {
            rc = pcre2_jit_match_8(code, subject, length, start, 0, scratch.data, scratch.context)
        } else {
            rc = pcre2_match_8(code, subject, length, start, 0, scratch.data, scratch.context)
        }
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        if rc < 0 { throw PCRE2Error(code: rc, context: "matching \(source.prefix(40))") }
        let ovector = pcre2_get_ovector_pointer_8(scratch.data)!
        let whole = ovector[0]..<ovector[1]
        var group: Range<Int>? = nil
        if rc >= 2, captureCount >= 1, ovector[2] != CPCRE2_UNSET() {
            group = ovector[2]..<ovector[3]
        }
        return Match(range: whole, group: group)
    }
}

/// One match: the whole match and the first capturing group.
public struct Match: Sendable, Hashable {
    /// Byte range of the whole match in the subject.
    public let range: Range<Int>
    /// Byte range of capture group 1, if it took part.
    public let group: Range<Int>?
}
