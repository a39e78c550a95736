/// SpreadsheetML (xlsx): shared strings, and sheets with shared, inline and literal cells.
public enum SpreadsheetText {
    /// The shared-string table of `xl/sharedStrings.xml`, in order (phonetic runs left out).
    public static func sharedStrings(_ xml: UnsafeRawBufferPointer) -> [String] {
        var table: [String] = []
        var current = ""
        var inItem = false, inT = 0, inPhonetic = 0
        XMLTokenizer.tokenize(xml, wantAttributes: false) { event in
            switch event {
            case .start(let name, _, let selfClosing):
                guard !selfClosing else {
                    if name == "si" { table.append("") }
                    return
                }
                switch name {
                case "si": inItem = true; current = ""
                case "t": inT += 1
                case "rPh": inPhonetic += 1
                default: break
                }
            case .end(let name):
                switch name {
                case "si": if inItem { table.append(current) }; inItem = false
                case "t": inT = max(0, inT - 1)
                case "rPh": inPhonetic = max(0, inPhonetic - 1)
                default: break
                }
            case .text(let t):
                if inItem && inT > 0 && inPhonetic == 0 { current += t }
            }
        }
        return table
    }

    /// One worksheet's cells: a tab after each cell, a newline after each row. Shared-string
    /// cells are resolved through `shared`; inline strings and literal values as written.
    public static func sheet(_ xml: UnsafeRawBufferPointer, shared: [String]) -> String {
        var out = ""
        var cellType = ""
        var value = ""
        var inValue = 0, inInline = 0, inCell = false
        XMLTokenizer.tokenize(xml, wantAttributes: true) { event in
            switch event {
            case .start(let name, let attributes, let selfClosing):
                switch name {
                case "c":
                    cellType = attributes.first(where: { $0.name == "t" })?.value ?? "n"
                    value = ""
                    inCell = !selfClosing
                case "v": if !selfClosing { inValue += 1 }
                case "is": if !selfClosing { inInline += 1 }
                default: break
                }
            case .end(let name):
                switch name {
                case "v": inValue = max(0, inValue - 1)
                case "is": inInline = max(0, inInline - 1)
                case "c":
                    if inCell {
                        if cellType == "s", let i = Int(value.trimmingSpaces), i >= 0, i < shared.count {
                            out += shared[i]
                        } else {
                            out += value
                        }
                        out += "\t"
                    }
                    inCell = false
                case "row": out += "\n"
                default: break
                }
            case .text(let t):
                if inCell && (inValue > 0 || inInline > 0) { value += t }
            }
        }
        return out
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return s
    }
}
