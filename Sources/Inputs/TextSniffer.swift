import Glibc

/// Decides from the first bytes of a stream whether it is text, and in which encoding.
///
/// Order: a BOM wins; then a NUL pattern of UTF-16 without BOM; then any NUL means binary;
/// then bytes that are not UTF-8 and look like single-byte text mean Windows-1252;
/// everything else is UTF-8 (invalid bytes are left for the matcher).
public enum TextSniffer {
    /// Bytes of the sample the reader looks at (64 KiB).
    public static let sampleSize = 64 * 1024

    /// What a sample says.
    public enum Verdict: Sendable, Hashable {
        /// Text in `encoding`, whose byte-order mark (to skip) is `bomLength` bytes.
        case text(TextEncoding, bomLength: Int)
        /// Binary content: deliver nothing.
        case binary
    }

    /// Sniffs `sample`; `isWholeStream` says it is all there is (a truncated UTF-8
    /// sequence at its end then counts as invalid).
    public static func sniff(_ sample: UnsafeRawBufferPointer, isWholeStream: Bool) -> Verdict {
        let n = sample.count
        if n >= 3 && sample[0] == 0xEF && sample[1] == 0xBB && sample[2] == 0xBF { return .text(.utf8BOM, bomLength: 3) }
        if n >= 2 && sample[0] == 0xFF && sample[1] == 0xFE { return .text(.utf16LE, bomLength: 2) }
        if n >= 2 && sample[0] == 0xFE && sample[1] == 0xFF { return .text(.utf16BE, bomLength: 2) }
        guard n > 0 else { return .text(.utf8, bomLength: 0) }
        if memchr(sample.baseAddress!, 0, n) != nil {
            if let utf16 = utf16WithoutBOM(sample) { return .text(utf16, bomLength: 0) }
            return .binary
        }
        let stats = UTF8Statistics(sample, isWholeStream: isWholeStream)
        return stats.looksLikeSingleByteText ? .text(.windows1252, bomLength: 0) : .text(.utf8, bomLength: 0)
    }

    /// Sniffs a byte array (convenience).
    public static func sniff(_ sample: [UInt8], isWholeStream: Bool) -> Verdict {
        sample.withUnsafeBytes { sniff($0, isWholeStream: isWholeStream) }
    }

    /// UTF-16 without BOM: at least 40% of the odd (LE) or even (BE) bytes are NUL, at most
    /// 10% of the other half are, and at least 90% of the units with a NUL high byte are ASCII text.
    static func utf16WithoutBOM(_ s: UnsafeRawBufferPointer) -> TextEncoding? {
        let pairs = s.count / 2
        guard pairs >= 2 else { return nil }
        var zeroEven = 0, zeroOdd = 0, textLE = 0, textBE = 0
        for p in 0..<pairs {
            let e = s[2 * p], o = s[2 * p + 1]
            if o == 0 {
                zeroOdd += 1
                if isASCIIText(e) { textLE += 1 }
            }
            if e == 0 {
                zeroEven += 1
                if isASCIIText(o) { textBE += 1 }
            }
        }
        if zeroOdd * 10 >= pairs * 4 && zeroEven * 10 <= pairs && textLE * 10 >= zeroOdd * 9 { return .utf16LE }
        if zeroEven * 10 >= pairs * 4 && zeroOdd * 10 <= pairs && textBE * 10 >= zeroEven * 9 { return .utf16BE }
        return nil
    }

    /// Tab, line feed, carriage return, form feed or printable ASCII.
    @inline(__always)
    static func isASCIIText(_ b: UInt8) -> Bool {
        (b >= 0x20 && b < 0x7F) || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }
}
