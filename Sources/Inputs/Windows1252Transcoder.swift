/// Decodes Windows-1252 (a superset of Latin-1 for text) to UTF-8, one byte at a time.
///
/// 0x80-0x9F use the Windows-1252 table (the five unassigned bytes map to the C1
/// controls, as WHATWG does); every other byte is its Latin-1 code point.
public struct Windows1252Transcoder: Sendable {
    /// Code points of 0x80...0x9F.
    static let table: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Creates a transcoder (it has no state).
    public init() {}

    /// The most UTF-8 bytes `count` input bytes can produce.
    public static func maxOutputCount(forInputCount count: Int) -> Int { count * 3 }

    /// Transcodes `input` into `output` (at least `maxOutputCount` bytes) and returns the bytes written.
    public func transcode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        precondition(output.count >= Self.maxOutputCount(forInputCount: input.count), "output too small")
        guard let out = output.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        var o = 0
        Self.table.withUnsafeBufferPointer { table in
            for b in input {
                if b < 0x80 {
                    out[o] = b
                    o += 1
                } else if b >= 0xA0 {
                    out[o] = 0xC0 | (b >> 6)
                    out[o + 1] = 0x80 | (b & 0x3F)
                    o += 2
                } else {
                    let u = table[Int(b) - 0x80]
                    if u < 0x800 {
                        out[o] = UInt8(0xC0 | (u >> 6))
                        out[o + 1] = UInt8(0x80 | (u & 0x3F))
                        o += 2
                    } else {
                        out[o] = UInt8(0xE0 | (u >> 12))
                        out[o + 1] = UInt8(0x80 | ((u >> 6) & 0x3F))
                        out[o + 2] = UInt8(0x80 | (u & 0x3F))
                        o += 3
                    }
                }
            }
        }
        return o
    }

    /// Transcodes a byte array (convenience for tests and small inputs).
    public func transcode(_ input: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Self.maxOutputCount(forInputCount: input.count))
        let n = input.withUnsafeBytes { i in output.withUnsafeMutableBytes { transcode(i, into: $0) } }
        output.removeSubrange(n...)
        return output
    }
}
