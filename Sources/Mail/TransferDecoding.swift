/// Lenient Content-Transfer-Encoding decoders (RFC 2045 section 6).
///
/// Both keep going past bad input, as mail readers do, and say whether they had to.
public enum TransferDecoding {
    /// The result of a decode.
    public struct Decoded: Sendable, Equatable {
        /// The decoded bytes.
        public var bytes: [UInt8]
        /// True when the input held characters outside the encoding's alphabet or was cut short.
        public var malformed: Bool
    }

    private static let base64Table: [Int8] = {
        var t = [Int8](repeating: -1, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = Int8(i) }
        // The URL-safe alphabet appears in the wild; accept it too.
        t[Int(UInt8(ascii: "-"))] = 62
        t[Int(UInt8(ascii: "_"))] = 63
        return t
    }()

    /// Base64: whitespace is ignored; other characters outside the alphabet are skipped
    /// and reported; decoding stops at the first `=` pad group's end of quantum.
    public static func base64(_ input: some Collection<UInt8>) -> Decoded {
        var out: [UInt8] = []
        out.reserveCapacity(input.count / 4 * 3 + 3)
        var acc: UInt32 = 0
        var n = 0
        var malformed = false
        var padded = false
        for c in input {
            let v = base64Table[Int(c)]
            if v >= 0 {
                if padded { padded = false } // data after padding: a new run (concatenated base64)
                acc = acc << 6 | UInt32(v)
                n += 1
                if n == 4 {
                    out.append(UInt8(truncatingIfNeeded: acc >> 16))
                    out.append(UInt8(truncatingIfNeeded: acc >> 8))
                    out.append(UInt8(truncatingIfNeeded: acc))
                    acc = 0
                    n = 0
                }
            } else if c == UInt8(ascii: "=") {
                if n == 2 { out.append(UInt8(truncatingIfNeeded: acc >> 4)) }
                else if n == 3 {
                    out.append(UInt8(truncatingIfNeeded: acc >> 10))
                    out.append(UInt8(truncatingIfNeeded: acc >> 2))
                } else if n == 1 { malformed = true }
                acc = 0
                n = 0
                padded = true
            } else if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A {
                continue
            } else {
                malformed = true
            }
        }
        // Unpadded tail: decode what is there.
        if n == 2 { out.append(UInt8(truncatingIfNeeded: acc >> 4)) }
        else if n == 3 {
            out.append(UInt8(truncatingIfNeeded: acc >> 10))
            out.append(UInt8(truncatingIfNeeded: acc >> 2))
        } else if n == 1 { malformed = true }
        return Decoded(bytes: out, malformed: malformed)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    /// Quoted-printable: `=XX` escapes, soft line breaks (`=` before CRLF or LF, with
    /// trailing whitespace allowed); a bad escape is kept literally and reported.
    /// With `header` (RFC 2047 Q encoding) `_` means a space.
    public static func quotedPrintable(_ input: some Collection<UInt8>, header: Bool = false) -> Decoded {
        let a = Array(input)
        var out: [UInt8] = []
        out.reserveCapacity(a.count)
        var malformed = false
        var i = 0
        while i < a.count {
            let c = a[i]
            if c == UInt8(ascii: "=") {
                // Soft line break: '=' then optional spaces/tabs then CRLF or LF.
                var j = i + 1
                while j < a.count && (a[j] == 0x20 || a[j] == 0x09) { j += 1 }
                if j < a.count && a[j] == 0x0A { i = j + 1; continue }
                if j + 1 < a.count && a[j] == 0x0D && a[j + 1] == 0x0A { i = j + 2; continue }
                if j == a.count { i = j; continue } // '=' at the very end
                if i + 2 < a.count, let h = hexValue(a[i + 1]), let l = hexValue(a[i + 2]) {
                    out.append(h << 4 | l)
                    i += 3
                    continue
                }
                malformed = true
                out.append(c)
                i += 1
            } else if header && c == UInt8(ascii: "_") {
                out.append(0x20)
                i += 1
            } else {
                out.append(c)
                i += 1
            }
        }
        return Decoded(bytes: out, malformed: malformed)
    }
}
