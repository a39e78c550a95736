import Foundation

/// The visible text of an HTML or XHTML page: tags stripped, entities decoded, `script`
/// and `style` dropped, block elements and `br` as separators, table cells as tabs.
/// The source's line structure is kept (every newline of the source, in text or inside a
/// tag or comment, is one newline of the text), so a finding's `line` is the line of the
/// HTML file and a label keeps its value on the same line; block tags become a tab.
/// `mailto:` and `tel:` link targets are added (as ` target `) at the end of the link when
/// its text does not already show them, since they are contact data.
public enum HTMLText {
    /// Extracts text from HTML bytes (encoding per `LenientText`).
    public static func extract(_ bytes: UnsafeRawBufferPointer) -> String {
        extract(string: LenientText.decode(bytes))
    }

    /// Extracts text from an HTML string.
    public static func extract(string html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count / 2)
        let u = Array(html.utf8)
        var i = 0
        var textStart = 0
        var pendingTargets: [String] = []
        var linkTextStart: String.Index?
        func flush(_ end: Int) {
            guard end > textStart else { return }
            let raw = String(decoding: u[textStart..<end], as: UTF8.self)
            out += raw.contains("&") ? decodeEntities(raw) : raw
        }
        /// The newlines of a skipped range, so lines stay aligned with the source.
        func keepNewlines(_ from: Int, _ to: Int) {
            var k = from
            while k < min(to, u.count) {
                if u[k] == 0x0A { out += "\n" }
                k += 1
            }
        }
        /// A tab, never a space: numbers in two blocks must not read as one digit group.
        func separate() {
            if let last = out.utf8.last, last != 0x0A, last != 0x09 { out += "\t" }
        }
        while i < u.count {
            guard u[i] == UInt8(ascii: "<") else { i += 1; continue }
            flush(i)
            let tagStart = i
            if hasPrefix(u, i, "<!--") {
                i = indexAfter(u, from: i + 4, "-->") ?? u.count
                keepNewlines(tagStart, i)
            } else if hasPrefix(u, i, "<!") || hasPrefix(u, i, "<?") {
                i = indexAfter(u, from: i + 2, ">") ?? u.count
                keepNewlines(tagStart, i)
            } else {
                var j = i + 1
                let closing = j < u.count && u[j] == UInt8(ascii: "/")
                if closing { j += 1 }
                let nameStart = j
                while j < u.count, isNameByte(u[j]) { j += 1 }
                let name = String(decoding: u[nameStart..<j], as: UTF8.self).lowercased()
                if name.isEmpty && !closing {
                    // A lone `<` in text.
                    i += 1
                    continue
                }
                let tagEnd = tagClose(u, from: j)
                if name == "a" || name == "area" {
                    if closing {
                        let shown = linkTextStart.map { String(out[$0...]).lowercased() } ?? ""
                        for t in pendingTargets where !shown.contains(t.lowercased()) { out += " " + t + " " }
                        pendingTargets = []
                        linkTextStart = nil
                    } else {
                        pendingTargets = linkTargets(String(decoding: u[j..<min(tagEnd, u.count)], as: UTF8.self))
                        linkTextStart = out.endIndex
                        if name == "area" {
                            for t in pendingTargets { out += " " + t + " " }
                            pendingTargets = []
                        }
                    }
                }
                i = tagEnd
                keepNewlines(tagStart, i)
                if !closing && (name == "script" || name == "style" || name == "template") {
                    let end = indexAfter(u, from: i, "</" + name, caseInsensitive: true).map { tagClose(u, from: $0) } ?? u.count
                    keepNewlines(i, end)
                    i = end
                } else if name == "td" || name == "th" {
                    if closing { out += "\t" }
                } else if blockTags.contains(name) {
                    separate()
                }
            }
            textStart = i
        }
        flush(u.count)
        for t in pendingTargets { out += " " + t + " " }
        return out
    }

    static let blockTags: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "title",
        "section", "article", "header", "footer", "nav", "aside", "blockquote", "pre", "hr", "dl", "dt",
        "dd", "address", "form", "fieldset", "main", "figure", "figcaption", "caption", "thead", "tbody",
        "tfoot", "body", "html", "head", "option", "label", "button", "legend",
    ]

    private static func isNameByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x3A
    }

    private static func hasPrefix(_ u: [UInt8], _ at: Int, _ p: String) -> Bool {
        let pb = Array(p.utf8)
        guard at + pb.count <= u.count else { return false }
        for k in 0..<pb.count where u[at + k] != pb[k] { return false }
        return true
    }

    private static func indexAfter(_ u: [UInt8], from: Int, _ p: String, caseInsensitive: Bool = false) -> Int? {
        let pb = Array(p.utf8)
        guard !pb.isEmpty, from <= u.count - pb.count else { return nil }
        var k = from
        while k <= u.count - pb.count {
            var ok = true
            for m in 0..<pb.count {
                var c = u[k + m]
                if caseInsensitive && c >= 0x41 && c <= 0x5A { c += 0x20 }
                if c != pb[m] { ok = false; break }
            }
            if ok { return caseInsensitive ? k : k + pb.count }
            k += 1
        }
        return nil
    }

    /// The index after the `>` closing a tag (quotes respected).
    private static func tagClose(_ u: [UInt8], from: Int) -> Int {
        var k = from
        var quote: UInt8 = 0
        while k < u.count {
            let c = u[k]
            if quote != 0 { if c == quote { quote = 0 } } else if c == 0x22 || c == 0x27 { quote = c } else if c == UInt8(ascii: ">") { return k + 1 }
            k += 1
        }
        return u.count
    }

    /// `mailto:` / `tel:` targets in a tag's attributes.
    private static func linkTargets(_ attrs: String) -> [String] {
        var found: [String] = []
        let lower = attrs.lowercased()
        for scheme in ["mailto:", "tel:"] {
            var search = lower.startIndex
            while let r = lower[search...].range(of: scheme) {
                var end = r.upperBound
                while end < lower.endIndex, !"\"' >?".contains(lower[end]) { end = lower.index(after: end) }
                let target = attrs[r.upperBound..<end]
                found.append(decodeEntities(String(target)).removingPercentEncodingLenient)
                search = end
            }
        }
        return found
    }

    /// Decodes named (common set), decimal and hex character references.
    public static func decodeEntities(_ raw: String) -> String {
        var out = ""
        var rest = Substring(raw)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let ref = after[..<semi]
                if let s = XMLTokenizer.decodeReference(ref) {
                    out.unicodeScalars.append(s == "\u{A0}" ? " " : s)
                    rest = after[after.index(after: semi)...]
                    continue
                }
                if let s = named[String(ref)] {
                    out += s
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        out += rest
        return out
    }

    static let named: [String: String] = [
        "nbsp": " ", "copy": "©", "reg": "®", "euro": "€", "pound": "£", "sect": "§", "deg": "°",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "Eacute": "É", "aacute": "á", "agrave": "à", "acirc": "â",
        "iacute": "í", "oacute": "ó", "ograve": "ò", "ocirc": "ô", "uacute": "ú", "ugrave": "ù", "ccedil": "ç",
        "Ccedil": "Ç", "ntilde": "ñ", "Ntilde": "Ñ", "atilde": "ã", "otilde": "õ", "aring": "å", "Aring": "Å",
        "aelig": "æ", "oslash": "ø", "Oslash": "Ø", "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’",
        "ldquo": "“", "rdquo": "”", "hellip": "…", "middot": "·", "shy": "", "zwnj": "", "zwj": "",
        "lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "commat": "@", "plus": "+", "period": ".",
    ]
}

extension String {
    /// `%40` -> `@` etc.; invalid escapes stay as written.
    var removingPercentEncodingLenient: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        let u = Array(utf8)
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "%"), i + 2 < u.count, let v = UInt8(String(decoding: u[i + 1...i + 2], as: UTF8.self), radix: 16) {
                bytes.append(v)
                i += 3
            } else {
                bytes.append(u[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
