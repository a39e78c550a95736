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
    /// With `textElements` nil: elements whose whitespace-only text is one space (ODF
    /// paragraphs, where `<text:span>Ana</text:span> <text:span>Silva</text:span>` has a
    /// space between the names); elsewhere whitespace-only text is layout and dropped.
    public var spaceKeptIn: Set<String> = []

    /// WordprocessingML (`word/document.xml`, headers, footers, notes, comments).
    public static let word = XMLTextRules(textElements: ["t", "delText"], newlineAfter: ["p"], tabAfter: ["tc"],
                                          tabAt: ["tab"], newlineAt: ["br", "cr"], spaceAt: [])
    /// DrawingML text of PresentationML slides and notes.
    public static let slide = XMLTextRules(textElements: ["t"], newlineAfter: ["p"], tabAfter: ["tc"],
                                           tabAt: ["tab"], newlineAt: ["br"], spaceAt: [])
    /// OpenDocument `content.xml` / `styles.xml`.
    public static let odf: XMLTextRules = {
        var r = XMLTextRules(textElements: nil, newlineAfter: ["p", "h", "table-row", "list-item"],
                             tabAfter: ["table-cell"], tabAt: ["tab"], newlineAt: ["line-break"], spaceAt: ["s"])
        r.spaceKeptIn = ["p", "h"]
        return r
    }()
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
        var inSpaced = 0
        // Attributes are parsed only for dialects with space elements (ODF `<text:s text:c="3"/>`).
        XMLTokenizer.tokenize(xml, wantAttributes: !rules.spaceAt.isEmpty) { event in
            switch event {
            case .start(let name, let attributes, let selfClosing):
                let n = String(name)
                if selfClosing {
                    if rules.tabAt.contains(n) {
                        out += "\t"
                    } else if rules.newlineAt.contains(n) {
                        out += "\n"
                    } else if rules.spaceAt.contains(n) {
                        out += String(repeating: " ", count: spaceCount(attributes))
                    }
                    if rules.newlineAfterEveryElement { out += "\n" }
                } else {
                    if rules.textElements?.contains(n) == true { inText += 1 }
                    if rules.spaceKeptIn.contains(n) { inSpaced += 1 }
                }
            case .end(let name):
                let n = String(name)
                if rules.textElements?.contains(n) == true { inText = max(0, inText - 1) }
                if rules.spaceKeptIn.contains(n) { inSpaced = max(0, inSpaced - 1) }
                if rules.newlineAfter.contains(n) || rules.newlineAfterEveryElement { out += "\n" } else if rules.tabAfter.contains(n) { out += "\t" }
            case .text(let t):
                if rules.textElements == nil {
                    if !t.allSatisfy({ $0.isWhitespace }) {
                        out += t
                    } else if inSpaced > 0, let last = out.last, last != " ", last != "\n", last != "\t" {
                        out += " "
                    }
                } else if inText > 0 {
                    out += t
                }
            }
        }
        return out
    }

    /// Spaces an ODF `<text:s/>` stands for: its `text:c` count (default 1), capped so a
    /// hostile count cannot blow up the output.
    static func spaceCount(_ attributes: [(name: Substring, value: String)]) -> Int {
        guard let c = attributes.first(where: { $0.name == "c" || $0.name.hasSuffix(":c") }), let n = Int(c.value) else { return 1 }
        return min(max(n, 1), 1024)
    }
}
