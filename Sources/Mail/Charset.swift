import Foundation

/// Decodes bytes in a MIME charset to a Swift string, never failing.
///
/// UTF-8, US-ASCII, ISO-8859-1, ISO-8859-15, Windows-1252, ISO-8859-2, Windows-1250,
/// Windows-1251 and UTF-16 (with or without a byte-order mark) are decoded exactly.
/// An unknown charset is read as UTF-8 when the bytes are valid UTF-8, else as
/// Windows-1252, and `lenient` is set so the caller can note it.
public enum Charset {
    /// The result of one decode.
    public struct Decoded: Sendable, Equatable {
        /// The text.
        public var text: String
        /// True when the charset was unknown and a fallback was used.
        public var lenient: Bool
    }

    /// Decodes `bytes` labelled `charset` (any case; nil means US-ASCII, read as UTF-8).
    public static func decode(_ bytes: some Collection<UInt8>, charset: String?) -> Decoded {
        let name = normalise(charset ?? "utf-8")
        switch name {
        case "utf8", "usascii", "ascii", "us", "ansix3.41968", "iso646us", "ibm367", "cp367", "":
            return Decoded(text: utf8(bytes), lenient: false)
        case "iso88591", "latin1", "l1", "iso885911987", "cp819", "ibm819":
            return Decoded(text: latin1(bytes), lenient: false)
        case "iso885915", "latin9", "latin0", "l9":
            return Decoded(text: latin9(bytes), lenient: false)
        case "windows1252", "cp1252", "xcp1252", "msansi":
            return Decoded(text: foundation(bytes, .windowsCP1252) ?? latin1(bytes), lenient: false)
        case "iso88592", "latin2", "l2":
            if let s = foundation(bytes, .isoLatin2) { return Decoded(text: s, lenient: false) }
        case "windows1250", "cp1250", "xcp1250":
            if let s = foundation(bytes, .windowsCP1250) { return Decoded(text: s, lenient: false) }
        case "windows1251", "cp1251", "xcp1251":
            if let s = foundation(bytes, .windowsCP1251) { return Decoded(text: s, lenient: false) }
        case "utf16", "ucs2", "unicode":
            return Decoded(text: utf16(Array(bytes), bigEndianDefault: true), lenient: false)
        case "utf16le", "unicodelittleunmarked":
            return Decoded(text: utf16(Array(bytes), bigEndianDefault: false), lenient: false)
        case "utf16be", "unicodebigunmarked":
            return Decoded(text: utf16(Array(bytes), bigEndianDefault: true), lenient: false)
        default:
            break
        }
        return fallback(bytes)
    }

    /// Whether `charset` is one this decoder reads exactly.
    public static func isKnown(_ charset: String) -> Bool {
        !decode([0x41], charset: charset).lenient
    }

    /// UTF-8 when valid, else Windows-1252: the reading of 8-bit text with no label.
    public static func fallback(_ bytes: some Collection<UInt8>) -> Decoded {
        if let s = String(validating: Array(bytes), as: UTF8.self) { return Decoded(text: s, lenient: true) }
        return Decoded(text: foundation(bytes, .windowsCP1252) ?? latin1(bytes), lenient: true)
    }

    /// Text in 8-bit headers or unlabelled bodies: UTF-8 if valid, else Windows-1252.
    public static func unlabelled(_ bytes: some Collection<UInt8>) -> String {
        fallback(bytes).text
    }

    /// Lowercased, with `-`, `_` and spaces removed, and any `*language` suffix (RFC 2231) dropped.
    static func normalise(_ name: String) -> String {
        var out = ""
        for ch in name.lowercased() {
            if ch == "*" { break }
            if ch == "-" || ch == "_" || ch == " " || ch == "\"" { continue }
            out.append(ch)
        }
        return out
    }

    static func utf8(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: Array(bytes), as: UTF8.self)
    }

    static func latin1(_ bytes: some Collection<UInt8>) -> String {
        var s = String.UnicodeScalarView()
        for b in bytes { s.append(Unicode.Scalar(b)) }
        return String(s)
    }

    /// ISO-8859-15 differs from ISO-8859-1 in eight positions.
    static func latin9(_ bytes: some Collection<UInt8>) -> String {
        var s = String.UnicodeScalarView()
        for b in bytes {
            let v: UInt32
            switch b {
            case 0xA4: v = 0x20AC
            case 0xA6: v = 0x0160
            case 0xA8: v = 0x0161
            case 0xB4: v = 0x017D
            case 0xB8: v = 0x017E
            case 0xBC: v = 0x0152
            case 0xBD: v = 0x0153
            case 0xBE: v = 0x0178
            default: v = UInt32(b)
            }
            s.append(Unicode.Scalar(v)!)
        }
        return String(s)
    }

    static func foundation(_ bytes: some Collection<UInt8>, _ encoding: String.Encoding) -> String? {
        String(data: Data(bytes), encoding: encoding)
    }

    /// UTF-16 honouring a byte-order mark; unpaired surrogates become U+FFFD.
    static func utf16(_ bytes: [UInt8], bigEndianDefault: Bool) -> String {
        var big = bigEndianDefault
        var start = 0
        if bytes.count >= 2 {
            if bytes[0] == 0xFE && bytes[1] == 0xFF { big = true; start = 2 }
            else if bytes[0] == 0xFF && bytes[1] == 0xFE { big = false; start = 2 }
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = start
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(big ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
