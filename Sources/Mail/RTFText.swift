/// Plain text from RTF (an Outlook RTF body): control words dropped, `\par` and `\line`
/// as newlines, `\'hh` bytes decoded in the document's `\ansicpg` code page, `\uN`
/// characters (with their `\ucN` fallbacks skipped), and destinations that hold no body
/// text (`\fonttbl`, `\colortbl`, `\stylesheet`, `\pict`, `\*\...` such as HTML tags
/// encapsulated by Outlook) skipped. Linear time; group nesting is tracked with a stack
/// capped at 10,000 levels (deeper groups are treated as one level).
public enum RTFText {
    static let skippedDestinations: Set<String> = [
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "themedata", "colorschememapping",
        "datastore", "latentstyles", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl",
        "mmathpr", "filetbl", "revtbl", "pgdsctbl", "fldinst", "bkmkstart", "bkmkend", "blipuid", "defchp", "defpap",
    ]

    /// Extracts the text of `rtf`.
    public static func text(_ rtf: [UInt8]) -> String {
        var out = String.UnicodeScalarView()
        var pending: [UInt8] = []
        var codepage = "windows-1252"
        struct Group { var skip: Bool; var uc: Int }
        var stack: [Group] = []
        var current = Group(skip: false, uc: 1)
        var skipFallback = 0
        var i = 0
        let n = rtf.count
        func flush() {
            if !pending.isEmpty {
                out.append(contentsOf: Charset.decode(pending, charset: codepage).text.unicodeScalars)
                pending.removeAll()
            }
        }
        func emit(_ s: Unicode.Scalar) {
            if current.skip { return }
            flush()
            out.append(s)
        }
        var groupStart = false
        while i < n {
            let c = rtf[i]
            switch c {
            case UInt8(ascii: "{"):
                if stack.count < 10_000 { stack.append(current) }
                groupStart = true
                skipFallback = 0
                i += 1
                continue
            case UInt8(ascii: "}"):
                flush()
                if let g = stack.popLast() { current = g }
                groupStart = false
                skipFallback = 0
                i += 1
                continue
            case UInt8(ascii: "\\"):
                i += 1
                guard i < n else { break }
                let d = rtf[i]
                if d == UInt8(ascii: "'") {
                    // \'hh: one byte in the code page.
                    if i + 2 < n, let h = UInt8(String(decoding: rtf[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                        if skipFallback > 0 { skipFallback -= 1 } else if !current.skip { pending.append(h) }
                        i += 3
                    } else { i += 1 }
                    groupStart = false
                    continue
                }
                if d == UInt8(ascii: "*") {
                    if groupStart { current.skip = true }
                    i += 1
                    continue
                }
                if !(isLetter(d)) {
                    // Control symbol.
                    switch d {
                    case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"): emit(Unicode.Scalar(d))
                    case UInt8(ascii: "~"): emit(" ")
                    case UInt8(ascii: "_"): emit("-")
                    case 0x0A, 0x0D: emit("\n")
                    default: break
                    }
                    i += 1
                    groupStart = false
                    continue
                }
                var j = i
                while j < n && isLetter(rtf[j]) && j - i < 32 { j += 1 }
                let word = String(decoding: rtf[i..<j], as: UTF8.self)
                var param: Int?
                var k = j
                var negative = false
                if k < n && rtf[k] == UInt8(ascii: "-") { negative = true; k += 1 }
                let digitsStart = k
                while k < n && rtf[k] >= 0x30 && rtf[k] <= 0x39 && k - digitsStart < 10 { k += 1 }
                if k > digitsStart { param = Int(String(decoding: rtf[digitsStart..<k], as: UTF8.self)).map { negative ? -$0 : $0 } }
                else { k = j }
                if k < n && rtf[k] == 0x20 { k += 1 } // the delimiting space belongs to the control word
                i = k
                if groupStart && skippedDestinations.contains(word) { current.skip = true }
                groupStart = false
                switch word {
                case "par", "line", "sect", "page", "row": emit("\n")
                case "tab", "cell": emit("\t")
                case "emdash": emit("\u{2014}")
                case "endash": emit("\u{2013}")
                case "lquote": emit("\u{2018}")
                case "rquote": emit("\u{2019}")
                case "ldblquote": emit("\u{201C}")
                case "rdblquote": emit("\u{201D}")
                case "bullet": emit("\u{2022}")
                case "ansicpg": if let p = param { codepage = "windows-\(p)" }
                case "uc": current.uc = max(0, param ?? 1)
                case "u":
                    if var v = param {
                        if v < 0 { v += 65536 }
                        emit(Unicode.Scalar(UInt32(v)) ?? "\u{FFFD}")
                        skipFallback = current.uc
                    }
                default: break
                }
                continue
            case 0x0D, 0x0A:
                i += 1
                continue
            default:
                groupStart = false
                if skipFallback > 0 { skipFallback -= 1; i += 1; continue }
                if !current.skip { pending.append(c) }
                i += 1
                continue
            }
            i += 1
        }
        flush()
        return String(out)
    }

    static func isLetter(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A)
    }
}
