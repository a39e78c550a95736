/// The text of an RTF document: control words dropped, `\'hh` (Windows-1252) and `\uN`
/// escapes decoded, `\par`/`\line`/`\row` as newlines, `\tab`/`\cell` as tabs, and
/// destinations that hold no body text (font and colour tables, style sheets, pictures,
/// embedded objects, `{\*\...}` groups) skipped. Document info (author, title) is kept.
public enum RTFText {
    /// Destinations whose content is not text.
    static let skipped: Set<String> = [
        "fonttbl", "colortbl", "stylesheet", "pict", "object", "objdata", "themedata", "colorschememapping",
        "datastore", "latentstyles", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl",
        "mmathPr", "filetbl", "revtbl", "pgdsctbl", "fldinst", "bkmkstart", "bkmkend", "nonshppict", "shppict",
        "private", "wgrffmtfilter", "fchars", "lchars",
    ]

    /// Document-info fields: each ends with a newline so it never runs into the body.
    static let infoFields: Set<String> = ["title", "subject", "author", "operator", "keywords", "comment", "company",
                                          "manager", "category", "doccomm", "hlinkbase"]

    /// Extracts text from RTF bytes.
    public static func extract(_ rtf: UnsafeRawBufferPointer) -> String {
        var out = ""
        out.reserveCapacity(rtf.count / 2)
        // Per group: skipping?, \uc value.
        var stack: [(skip: Bool, uc: Int, newlineOnClose: Bool)] = [(false, 1, false)]
        var skipFallback = 0
        var i = 0
        let n = rtf.count
        var groupStart = false
        func emit(_ s: Unicode.Scalar) {
            if skipFallback > 0 { skipFallback -= 1; return }
            if !stack[stack.count - 1].skip { out.unicodeScalars.append(s) }
        }
        func emit(_ s: String) {
            if !stack[stack.count - 1].skip { out += s }
        }
        while i < n {
            let c = rtf[i]
            switch c {
            case UInt8(ascii: "{"):
                var inherited = stack[stack.count - 1]
                inherited.newlineOnClose = false
                stack.append(inherited)
                groupStart = true
                i += 1
                continue
            case UInt8(ascii: "}"):
                if stack.count > 1 {
                    if stack[stack.count - 1].newlineOnClose { emit("\n") }
                    stack.removeLast()
                }
                skipFallback = 0
                i += 1
            case UInt8(ascii: "\\"):
                i += 1
                guard i < n else { break }
                let d = rtf[i]
                if isLetter(d) {
                    var j = i
                    while j < n, isLetter(rtf[j]) { j += 1 }
                    let word = String(decoding: UnsafeRawBufferPointer(rebasing: rtf[i..<j]), as: UTF8.self)
                    var param: Int?
                    var k = j
                    var negative = false
                    if k < n, rtf[k] == UInt8(ascii: "-") { negative = true; k += 1 }
                    let digitsStart = k
                    while k < n, rtf[k] >= 0x30, rtf[k] <= 0x39, k - digitsStart < 10 { k += 1 }
                    if k > digitsStart {
                        param = Int(String(decoding: UnsafeRawBufferPointer(rebasing: rtf[digitsStart..<k]), as: UTF8.self)).map { negative ? -$0 : $0 }
                    } else {
                        k = j
                    }
                    if k < n, rtf[k] == UInt8(ascii: " ") { k += 1 }
                    i = k
                    if groupStart && skipped.contains(word) { stack[stack.count - 1].skip = true }
                    if groupStart && infoFields.contains(word) { stack[stack.count - 1].newlineOnClose = true }
                    switch word {
                    case "par", "line", "row", "sect", "page": emit("\n")
                    case "tab", "cell": emit("\t")
                    case "emdash": emit("—")
                    case "endash": emit("–")
                    case "lquote": emit("‘")
                    case "rquote": emit("’")
                    case "ldblquote": emit("“")
                    case "rdblquote": emit("”")
                    case "bullet": emit("•")
                    case "uc": stack[stack.count - 1].uc = max(0, param ?? 1)
                    case "u":
                        if var v = param {
                            if v < 0 { v += 65536 }
                            emit(Unicode.Scalar(UInt32(v)) ?? "\u{FFFD}")
                            skipFallback = stack[stack.count - 1].uc
                        }
                    case "bin":
                        i = min(n, i + max(0, param ?? 0))
                    default: break
                    }
                } else if d == UInt8(ascii: "'") {
                    if i + 2 < n, let v = UInt8(String(decoding: UnsafeRawBufferPointer(rebasing: rtf[i + 1...i + 2]), as: UTF8.self), radix: 16) {
                        emit(LenientText.scalar1252(v))
                        i += 3
                    } else {
                        i += 1
                    }
                } else if d == UInt8(ascii: "*") {
                    if groupStart { stack[stack.count - 1].skip = true }
                    i += 1
                } else {
                    // Control symbols.
                    switch d {
                    case UInt8(ascii: "~"): emit(" ")
                    case UInt8(ascii: "_"): emit("-")
                    case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"): emit(Unicode.Scalar(d))
                    case 0x0A, 0x0D: emit("\n")
                    default: break
                    }
                    i += 1
                }
                groupStart = false
                continue
            case 0x0A, 0x0D:
                i += 1
            default:
                emit(c < 0x80 ? Unicode.Scalar(c) : LenientText.scalar1252(c))
                i += 1
            }
            groupStart = false
        }
        return out
    }

    @inline(__always) static func isLetter(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A)
    }
}
