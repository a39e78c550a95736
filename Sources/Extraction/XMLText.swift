/// Which XML elements carry text and which end an item, for one document dialect.
public struct XMLTextRules: Sendable {
    /// Local names whose character data is text; nil means every text node.
    public var textElements: Set<String>?
    /// Elements after whose end a newline goes (paragraphs, rows).
    public var newlineAfter: Set<String>
    /// Elements after whose end a tab goes (cells).
    public var tabAfter: Set<String>
    /// Empty elements that stand for a tab, a newline or a space.
    public var tabAt: Set<String>
    public var newlineAt: Set<String>
    public var spaceAt: Set<String>
    /// Newline after every element end (metadata files).
    public var newlineAfterEveryElement = false

    /// WordprocessingML (`word/document.xml`, headers, footers, notes, comments).
    public static let word = XMLTextRules(textElements: ["t", "delText"], newlineAfter: ["p"], tabAfter: ["tc"],
                                          tabAt: ["tab"], newlineAt: ["br", "cr"], spaceAt: [])
    /// DrawingML text of PresentationML slides and notes.
    public static let slide = XMLTextRules(textElements: ["t"], newlineAfter: ["p"], tabAfter: ["tc"],
                                           tabAt: ["tab"], newlineAt: ["br"], spaceAt: [])
    /// OpenDocument `content.xml` / `styles.xml`.
    public static let odf = XMLTextRules(textElements: nil, newlineAfter: ["p", "h", "table-row", "list-item"],
                                         tabAfter: ["table-cell"], tabAt: ["tab"], newlineAt: ["line-break"], spaceAt: ["s"])
    /// Metadata (`docProps/core.xml`, `meta.xml`): every value on its own line.
    public static let metadata = XMLTextRules(textElements: nil, newlineAfter: [], tabAfter: [], tabAt: [],
                                              newlineAt: [], spaceAt: [], newlineAfterEveryElement: true)

    /// Creates rules.
    public init(textElements: Set<String>?, newlineAfter: Set<String>, tabAfter: Set<String>,
                tabAt: Set<String>, newlineAt: Set<String>, spaceAt: Set<String>, newlineAfterEveryElement: Bool = false) {
        self.textElements = textElements
        self.newlineAfter = newlineAfter
        self.tabAfter = tabAfter
        self.tabAt = tabAt
        self.newlineAt = newlineAt
        self.spaceAt = spaceAt
        self.newlineAfterEveryElement = newlineAfterEveryElement
    }
}

/// The text of an XML document under a dialect's rules, items separated by newlines/tabs.
public enum XMLText {
    /// Extracts text from UTF-8 XML.
    public static func extract(_ xml: UnsafeRawBufferPointer, rules: XMLTextRules) -> String {
        var out = ""
        var inText = 0
        XMLTokenizer.tokenize(xml, wantAttributes: false) { event in
            switch event {
            case .start(let name, _, let selfClosing):
                let n = String(name)
                if selfClosing {
                    if rules.tabAt.contains(n) { out += "\t" } else if rules.newlineAt.contains(n) { out += "\n" } else if rules.spaceAt.contains(n) { out += " " }
                    if rules.newlineAfterEveryElement { out += "\n" }
                } else if rules.textElements?.contains(n) == true {
                    inText += 1
                }
            case .end(let name):
                let n = String(name)
                if rules.textElements?.contains(n) == true { inText = max(0, inText - 1) }
                if rules.newlineAfter.contains(n) || rules.newlineAfterEveryElement { out += "\n" } else if rules.tabAfter.contains(n) { out += "\t" }
            case .text(let t):
                if rules.textElements == nil {
                    if !t.allSatisfy({ $0.isWhitespace }) { out += t }
                } else if inText > 0 {
                    out += t
                }
            }
        }
        return out
    }
}
