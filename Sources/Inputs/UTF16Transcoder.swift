/// Streams UTF-16 (LE or BE) to UTF-8, carrying an odd byte and a high surrogate across calls.
///
/// Unpaired surrogates and a dangling odd byte at the end become U+FFFD; U+0000 is kept.
public struct UTF16Transcoder: Sendable {
    /// Byte order of the input.
    public let bigEndian: Bool
    /// The first byte of a code unit whose second byte has not arrived.
    private var carry: UInt8 = 0
    private var hasCarry = false
    /// A high surrogate waiting for its low half (0 when none).
    private var high: UInt16 = 0

    /// Creates a transcoder for one stream.
    public init(bigEndian: Bool) {
        self.bigEndian = bigEndian
    }

    /// The most UTF-8 bytes one call with `count` input bytes can produce.
    public static func maxOutputCount(forInputCount count: Int) -> Int { (count / 2 + 1) * 3 + 3 }

    /// Transcodes `input` into `output` (at least `maxOutputCount` bytes) and returns the bytes written.
    public mutating func transcode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        precondition(output.count >= Self.maxOutputCount(forInputCount: input.count), "output too small")
        guard let out = output.baseAddress?.assumingMemoryBound(to: UInt8.self), !input.isEmpty else { return 0 }
        let n = input.count
        var i = 0
        var o = 0
        if hasCarry {
            hasCarry = false
            put(unit(carry, input[0]), out, &o)
            i = 1
        }
        while i + 1 < n {
            let u = unit(input[i], input[i + 1])
            i += 2
            if u < 0x80 && high == 0 {
                out[o] = UInt8(truncatingIfNeeded: u)
                o += 1
            } else {
                put(u, out, &o)
            }
        }
        if i < n {
            carry = input[i]
            hasCarry = true
        }
        return o
    }

    /// Ends the stream: writes U+FFFD for a pending surrogate and for an odd trailing byte.
    /// `output` needs at least 6 bytes. Returns the bytes written.
    public mutating func finish(into output: UnsafeMutableRawBufferPointer) -> Int {
        precondition(output.count >= 6, "output too small")
        let out = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var o = 0
        if high != 0 {
            high = 0
            Self.replacement(out, &o)
        }
        if hasCarry {
            hasCarry = false
            Self.replacement(out, &o)
        }
        return o
    }

    /// Transcodes a whole byte array, finishing the stream when `final` (convenience).
    public mutating func transcode(_ input: [UInt8], final: Bool = true) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Self.maxOutputCount(forInputCount: input.count) + 6)
        var n = input.withUnsafeBytes { i in output.withUnsafeMutableBytes { transcode(i, into: $0) } }
        if final {
            n += output.withUnsafeMutableBytes { finish(into: UnsafeMutableRawBufferPointer(rebasing: $0[n...])) }
        }
        output.removeSubrange(n...)
        return output
    }

    @inline(__always)
    private func unit(_ first: UInt8, _ second: UInt8) -> UInt16 {
        bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first)
    }

    /// Writes one code unit, pairing surrogates.
    @inline(__always)
    private mutating func put(_ u: UInt16, _ out: UnsafeMutablePointer<UInt8>, _ o: inout Int) {
        if high != 0 {
            if u >= 0xDC00 && u <= 0xDFFF {
                let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(u) - 0xDC00)
                high = 0
                out[o] = UInt8(0xF0 | (scalar >> 18))
                out[o + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
                out[o + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                out[o + 3] = UInt8(0x80 | (scalar & 0x3F))
                o += 4
                return
            }
            high = 0
            Self.replacement(out, &o)
        }
        switch u {
        case 0..<0x80:
            out[o] = UInt8(u)
            o += 1
        case 0x80..<0x800:
            out[o] = UInt8(0xC0 | (u >> 6))
            out[o + 1] = UInt8(0x80 | (u & 0x3F))
            o += 2
        case 0xD800...0xDBFF:
            high = u
        case 0xDC00...0xDFFF:
            Self.replacement(out, &o)
        default:
            out[o] = UInt8(0xE0 | (u >> 12))
            out[o + 1] = UInt8(0x80 | ((u >> 6) & 0x3F))
            out[o + 2] = UInt8(0x80 | (u & 0x3F))
            o += 3
        }
    }

    /// Writes U+FFFD (EF BF BD).
    @inline(__always)
    private static func replacement(_ out: UnsafeMutablePointer<UInt8>, _ o: inout Int) {
        out[o] = 0xEF
        out[o + 1] = 0xBF
        out[o + 2] = 0xBD
        o += 3
    }
}
