/// RFC 2047 encoded words in header text (`=?utf-8?B?...?=`, `=?iso-8859-1?Q?...?=`).
///
/// Adjacent encoded words separated only by whitespace are joined (RFC 2047 section 6.2),
/// and their bytes are concatenated before charset decoding when the charsets agree, so a
/// multi-byte character split across two words survives. Unknown charsets are decoded
/// leniently (UTF-8 if valid, else Windows-1252). Malformed words are left as written.
public enum EncodedWords {
    /// Decodes every encoded word in `text`.
    public static func decode(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var pending: (charset: String, bytes: [UInt8])?
        var gap = String.UnicodeScalarView() // whitespace after an encoded word, dropped if another word follows
        func flushPending() {
            if let p = pending { out.append(contentsOf: Charset.decode(p.bytes, charset: p.charset).text.unicodeScalars) }
            pending = nil
        }
        var i = 0
        while i < s.count {
            if s[i] == "=", i + 1 < s.count, s[i + 1] == "?", let (charset, bytes, next) = word(s, i) {
                if let p = pending, Charset.normalise(p.charset) == Charset.normalise(charset) {
                    pending!.bytes.append(contentsOf: bytes)
                } else {
                    flushPending()
                    pending = (charset, bytes)
                }
                gap = String.UnicodeScalarView()
                i = next
                continue
            }
            if pending != nil {
                if s[i] == " " || s[i] == "\t" || s[i] == "\r" || s[i] == "\n" {
                    gap.append(s[i])
                    i += 1
                    continue
                }
                flushPending()
                out.append(contentsOf: gap)
                gap = String.UnicodeScalarView()
            }
            out.append(s[i])
            i += 1
        }
        flushPending()
        out.append(contentsOf: gap)
        return String(out)
    }

    /// Parses one encoded word at `start`: charset, decoded bytes, index after `?=`.
    static func word(_ s: [Unicode.Scalar], _ start: Int) -> (String, [UInt8], Int)? {
        // =?charset?enc?text?=   (an encoded word is at most 75 characters, but long
        // ones exist in the wild; allow up to 2,000 before giving up).
        var i = start + 2
        var charset = String.UnicodeScalarView()
        while i < s.count, s[i] != "?" {
            if !s[i].isASCII || s[i] == " " || i - start > 80 { return nil }
            charset.append(s[i]); i += 1
        }
        guard i + 2 < s.count, s[i] == "?", s[i + 2] == "?" else { return nil }
        let enc = s[i + 1]
        i += 3
        let textStart = i
        while i + 1 < s.count, !(s[i] == "?" && s[i + 1] == "=") {
            if !s[i].isASCII || s[i] == " " || i - textStart > 2000 { return nil }
            i += 1
        }
        guard i + 1 < s.count else { return nil }
        let payload = s[textStart..<i].map { UInt8(truncatingIfNeeded: $0.value) }
        let bytes: [UInt8]
        switch enc {
        case "B", "b": bytes = TransferDecoding.base64(payload).bytes
        case "Q", "q": bytes = TransferDecoding.quotedPrintable(payload, header: true).bytes
        default: return nil
        }
        return (String(charset), bytes, i + 2)
    }
}
