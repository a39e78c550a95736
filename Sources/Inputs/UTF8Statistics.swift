/// Counts of valid multi-byte sequences and invalid bytes in a sample, for encoding sniffing.
struct UTF8Statistics: Sendable, Hashable {
    /// Well-formed sequences of 2 to 4 bytes.
    var validMultiByte = 0
    /// Bytes at or above 0x80 that are not part of a well-formed sequence.
    var invalidBytes = 0
    /// Invalid bytes that Windows-1252 leaves unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D).
    var unassignedInWindows1252 = 0

    /// Scans `s`; a sequence cut off by the end is ignored unless `isWholeStream`.
    init(_ s: UnsafeRawBufferPointer, isWholeStream: Bool) {
        let n = s.count
        var i = 0
        while i < n {
            let b = s[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length = Self.sequenceLength(s, at: i)
            if length > 0 {
                validMultiByte += 1
                i += length
            } else if length < 0 && !isWholeStream {
                break // a valid prefix cut off by the end of the sample
            } else {
                invalidBytes += 1
                if b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D { unassignedInWindows1252 += 1 }
                i += 1
            }
        }
    }

    /// Invalid bytes outnumber valid sequences two to one, and few are unassigned in Windows-1252.
    var looksLikeSingleByteText: Bool {
        invalidBytes > 0 && validMultiByte * 2 < invalidBytes && unassignedInWindows1252 * 10 <= invalidBytes
    }

    /// Length of the well-formed sequence starting at `i` (lead byte >= 0x80): 2...4; 0 when
    /// ill-formed; -1 when the bytes present are a valid prefix that the end cuts off.
    static func sequenceLength(_ s: UnsafeRawBufferPointer, at i: Int) -> Int {
        let b = s[i]
        let length: Int
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch b {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lo = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: length = 3
        case 0xED: length = 3; hi = 0x9F
        case 0xF0: length = 4; lo = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; hi = 0x8F
        default: return 0
        }
        for k in 1..<length {
            guard i + k < s.count else { return -1 }
            let c = s[i + k]
            let (min, max) = k == 1 ? (lo, hi) : (UInt8(0x80), UInt8(0xBF))
            if c < min || c > max { return 0 }
        }
        return length
    }
}
