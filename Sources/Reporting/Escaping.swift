/// Escaping for each output format, so that hostile file names stay inert.
public enum Escaping {
    /// A JSON string literal, with quotes (see `appendJSON(_:to:)`).
    public static func json(_ s: String) -> String {
        var bytes: [UInt8] = []
        appendJSON(s, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the JSON string literal of `s` (quotes included) to `out`, byte by byte:
    /// UTF-8 is copied as is, except the bytes that `json(_:)` escapes (quote, backslash,
    /// controls, DEL, U+2028 and U+2029), which go through it.
    public static func appendJSON(_ s: String, to out: inout [UInt8]) {
        let copied: Bool? = s.utf8.withContiguousStorageIfAvailable { buf in
            // Eight bytes at a time while none can need escaping (most of a finding's text:
            // paths, kinds, hex fingerprints), then one table load per byte; only a flagged
            // byte (control, quote, backslash, DEL, or 0xE2, which may start U+2028/U+2029)
            // is looked at further.
            var k = 0
            if let base = buf.baseAddress {
                while k + 8 <= buf.count && !mayNeedEscape(UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)) { k += 8 }
            }
            while k < buf.count {
                let b = buf[k]
                if jsonFlag[Int(b)] != 0 {
                    if b != 0xE2 { return false }
                    if k + 2 < buf.count && buf[k + 1] == 0x80 && (buf[k + 2] == 0xA8 || buf[k + 2] == 0xA9) { return false }
                }
                k += 1
            }
            out.append(0x22)
            out.append(contentsOf: buf)
            out.append(0x22)
            return true
        }
        if copied != true { out.append(contentsOf: jsonSlow(s).utf8) }
    }

    /// Whether any byte of `x` is one `appendJSON` must look at (a control, `"`, `\\`, DEL
    /// or 0xE2): exact zero-byte tests ("haszero" of Bit Twiddling Hacks without the
    /// borrow, so no byte is flagged for its neighbour) on `x` and on `x` xor each value.
    @inline(__always)
    static func mayNeedEscape(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // The high bit of each zero byte of y, exactly.
        func zeros(_ y: UInt64) -> UInt64 { ~(((y & low7) &+ low7) | y | low7) }
        // Controls: bytes below 0x20, i.e. whose top three bits are all clear.
        let control = zeros(x & (ones &* 0xE0))
        let quote = zeros(x ^ (ones &* 0x22)), backslash = zeros(x ^ (ones &* 0x5C))
        let del = zeros(x ^ (ones &* 0x7F)), e2 = zeros(x ^ (ones &* 0xE2))
        return control | quote | backslash | del | e2 != 0
    }

    /// Bytes `appendJSON` must look at: controls, `"`, `\\`, DEL, and 0xE2.
    private static let jsonFlag: [UInt8] = (0..<256).map { b in
        b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xE2 ? 1 : 0
    }

    /// Appends the decimal digits of `n` (no allocation).
    public static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        if n < 0 { out.append(0x2D) }
        var v = n.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[19 - count] = UInt8(0x30 + v % 10)
                v /= 10
                count += 1
            } while v > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[(20 - count)...]))
        }
    }

    /// Appends a confidence with two decimals (as `formatConfidence`).
    public static func appendConfidence(_ c: Double, to out: inout [UInt8]) {
        let hundredths = Int((c * 100).rounded())
        appendDecimal(hundredths / 100, to: &out)
        let frac = abs(hundredths % 100)
        out.append(0x2E)
        out.append(UInt8(0x30 + frac / 10))
        out.append(UInt8(0x30 + frac % 10))
    }

    static func jsonSlow(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// An RFC 4180 CSV field, formula-safe: a leading `= + - @` or tab/CR gets a `'`.
    public static func csv(_ s: String) -> String {
        var v = s
        if let first = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingAll("\"", with: "\"\"") + "\""
        }
        return v
    }

    /// Text safe for a terminal: control characters shown as `\n`, `\x1b` ...
    public static func terminal(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0):
                out += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
