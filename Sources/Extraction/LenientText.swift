/// Bytes of a text format whose encoding is declared loosely (HTML, RTF, vCard): UTF-8
/// (BOM dropped) when valid, UTF-16 with a BOM, else Windows-1252.
public enum LenientText {
    /// Decodes `bytes` to a string.
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
            return utf16(UnsafeRawBufferPointer(rebasing: bytes[2...]), bigEndian: false)
        }
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
            return utf16(UnsafeRawBufferPointer(rebasing: bytes[2...]), bigEndian: true)
        }
        var body = bytes
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            body = UnsafeRawBufferPointer(rebasing: bytes[3...])
        }
        if let s = String(validating: body, as: UTF8.self) { return s }
        return windows1252(body)
    }

    /// Windows-1252 to a string (undefined bytes as U+FFFD).
    public static func windows1252(_ bytes: UnsafeRawBufferPointer) -> String {
        var s = ""
        s.unicodeScalars.reserveCapacity(bytes.count)
        for b in bytes { s.unicodeScalars.append(scalar1252(b)) }
        return s
    }

    /// The character of one Windows-1252 byte.
    public static func scalar1252(_ b: UInt8) -> Unicode.Scalar {
        if b < 0x80 || b >= 0xA0 { return Unicode.Scalar(b) }
        let v = high1252[Int(b - 0x80)]
        return Unicode.Scalar(v) ?? "\u{FFFD}"
    }

    private static let high1252: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    private static func utf16(_ b: UnsafeRawBufferPointer, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(b.count / 2)
        var i = 0
        while i + 1 < b.count {
            units.append(bigEndian ? UInt16(b[i]) << 8 | UInt16(b[i + 1]) : UInt16(b[i + 1]) << 8 | UInt16(b[i]))
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
