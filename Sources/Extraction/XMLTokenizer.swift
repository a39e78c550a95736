import Foundation

/// A small XML tokenizer for the text parts of documents, safe by construction: it never
/// reads a DTD, never defines or expands an entity other than the five predefined ones
/// and numeric character references, and never opens anything. `<!DOCTYPE ...>` (with an
/// internal subset), comments and processing instructions are skipped; an undefined entity
/// reference stays as literal text. Malformed input never fails: tokenising just goes on.
public enum XMLTokenizer {
    /// One token.
    public enum Event {
        /// `<name attr="v">`, or `<name/>` (then `selfClosing`); `name` is the local name
        /// (after any `prefix:`), attributes keep their qualified names.
        case start(name: Substring, attributes: [(name: Substring, value: String)], selfClosing: Bool)
        /// `</name>` (local name).
        case end(name: Substring)
        /// Character data between tags, entities decoded (CDATA included verbatim).
        case text(String)
    }

    /// Tokenises UTF-8 `xml` and calls `body` for each token. `wantAttributes` false skips
    /// attribute parsing (faster) except for the names in `attributeNames`.
    public static func tokenize(_ xml: UnsafeRawBufferPointer, wantAttributes: Bool = true,
                                _ body: (Event) -> Void) {
        let s = String(decoding: xml, as: UTF8.self)
        tokenize(string: s, wantAttributes: wantAttributes, body)
    }

    /// Tokenises a string (see `tokenize(_:wantAttributes:_:)`).
    public static func tokenize(string s: String, wantAttributes: Bool = true, _ body: (Event) -> Void) {
        let u = s.utf8
        var i = u.startIndex
        let end = u.endIndex
        var textStart = i
        func flushText(_ upTo: String.Index) {
            if textStart < upTo {
                let raw = s[textStart..<upTo]
                body(.text(raw.contains("&") ? decodeEntities(raw) : String(raw)))
            }
        }
        func find(_ pattern: String, from: String.Index) -> String.Index? {
            s[from...].range(of: pattern)?.upperBound
        }
        while i < end {
            guard u[i] == UInt8(ascii: "<") else { i = u.index(after: i); continue }
            flushText(i)
            let rest = s[i...]
            if rest.hasPrefix("<!--") {
                i = find("-->", from: u.index(i, offsetBy: 4)) ?? end
            } else if rest.hasPrefix("<![CDATA[") {
                let contentStart = u.index(i, offsetBy: 9)
                if let r = s[contentStart...].range(of: "]]>") {
                    body(.text(String(s[contentStart..<r.lowerBound])))
                    i = r.upperBound
                } else {
                    body(.text(String(s[contentStart...])))
                    i = end
                }
            } else if rest.hasPrefix("<?") {
                i = find("?>", from: u.index(i, offsetBy: 2)) ?? end
            } else if rest.hasPrefix("<!") {
                i = skipDeclaration(s, from: i)
            } else {
                i = tag(s, from: i, wantAttributes: wantAttributes, body)
            }
            textStart = i
        }
        flushText(end)
    }

    /// Skips `<!DOCTYPE ...>` including a bracketed internal subset (never interpreted).
    private static func skipDeclaration(_ s: String, from start: String.Index) -> String.Index {
        let u = s.utf8
        var i = u.index(start, offsetBy: 2)
        var bracket = 0
        var quote: UInt8 = 0
        while i < u.endIndex {
            let c = u[i]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: "[") {
                bracket += 1
            } else if c == UInt8(ascii: "]") {
                bracket = max(0, bracket - 1)
            } else if c == UInt8(ascii: ">") && bracket == 0 {
                return u.index(after: i)
            }
            i = u.index(after: i)
        }
        return u.endIndex
    }

    /// Parses one start or end tag at `start` (`<`); returns the index after it.
    private static func tag(_ s: String, from start: String.Index, wantAttributes: Bool,
                            _ body: (Event) -> Void) -> String.Index {
        let u = s.utf8
        var i = u.index(after: start)
        var closing = false
        if i < u.endIndex && u[i] == UInt8(ascii: "/") { closing = true; i = u.index(after: i) }
        let nameStart = i
        while i < u.endIndex, !isSpace(u[i]), u[i] != UInt8(ascii: ">"), u[i] != UInt8(ascii: "/") { i = u.index(after: i) }
        let qname = s[nameStart..<i]
        let name = localName(qname)
        var attributes: [(name: Substring, value: String)] = []
        var selfClosing = false
        // Attributes up to the closing `>` (quotes may hold `>`).
        while i < u.endIndex {
            let c = u[i]
            if c == UInt8(ascii: ">") { i = u.index(after: i); break }
            if c == UInt8(ascii: "/") { selfClosing = true; i = u.index(after: i); continue }
            if isSpace(c) { i = u.index(after: i); continue }
            selfClosing = false
            let aStart = i
            while i < u.endIndex, !isSpace(u[i]), u[i] != UInt8(ascii: "="), u[i] != UInt8(ascii: ">"), u[i] != UInt8(ascii: "/") { i = u.index(after: i) }
            let aName = s[aStart..<i]
            while i < u.endIndex, isSpace(u[i]) { i = u.index(after: i) }
            guard i < u.endIndex, u[i] == UInt8(ascii: "=") else { continue }
            i = u.index(after: i)
            while i < u.endIndex, isSpace(u[i]) { i = u.index(after: i) }
            guard i < u.endIndex else { break }
            let q = u[i]
            guard q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") else { continue }
            i = u.index(after: i)
            let vStart = i
            while i < u.endIndex, u[i] != q { i = u.index(after: i) }
            if wantAttributes {
                let raw = s[vStart..<i]
                attributes.append((aName, raw.contains("&") ? decodeEntities(raw) : String(raw)))
            }
            if i < u.endIndex { i = u.index(after: i) }
        }
        if closing {
            body(.end(name: name))
        } else if !name.isEmpty {
            body(.start(name: name, attributes: attributes, selfClosing: selfClosing))
        }
        return i
    }

    /// The part after `prefix:`.
    public static func localName(_ q: Substring) -> Substring {
        if let colon = q.lastIndex(of: ":") { return q[q.index(after: colon)...] }
        return q
    }

    @inline(__always) static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
    }

    /// Decodes `&lt; &gt; &amp; &quot; &apos;` and `&#N; &#xH;`; anything else stays literal.
    public static func decodeEntities(_ raw: Substring) -> String {
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        var rest = raw
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let ref = after[..<semi]
            if let decoded = decodeReference(ref) {
                out.unicodeScalars.append(decoded)
            } else {
                out += "&" + ref + ";"
            }
            rest = after[after.index(after: semi)...]
        }
        out += rest
        return out
    }

    static func decodeReference(_ ref: Substring) -> Unicode.Scalar? {
        switch ref {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        guard ref.hasPrefix("#") else { return nil }
        let digits = ref.dropFirst()
        let value: UInt32?
        if digits.hasPrefix("x") || digits.hasPrefix("X") {
            value = UInt32(digits.dropFirst(), radix: 16)
        } else {
            value = UInt32(digits, radix: 10)
        }
        guard let v = value, v != 0, let scalar = Unicode.Scalar(v) else { return nil }
        return scalar
    }
}
