import Extraction
import XCTest

final class XMLTokenizerTests: XCTestCase {
    func text(_ xml: String, _ rules: XMLTextRules = .word) -> String {
        Array(xml.utf8).withUnsafeBytes { XMLText.extract($0, rules: rules) }
    }

    func testPredefinedAndNumericEntitiesOnly() {
        XCTAssertEqual(XMLTokenizer.decodeEntities("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#233; &#xE9;"), "a <b> & \"c\" 'd' é é")
        XCTAssertEqual(XMLTokenizer.decodeEntities("&nbsp; &lol9; &#0; &#xZZ; & x"), "&nbsp; &lol9; &#0; &#xZZ; & x")
    }

    func testBillionLaughsAndExternalEntitiesStayLiteral() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for i in 1...9 { xml += "<!ENTITY lol\(i) \"\(String(repeating: "&lol\(i - 1);", count: 10))\">\n" }
        xml += "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n<w:document><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"
        xml += "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
        XCTAssertEqual(text(xml), "&lol9;\n&xxe;\n")
    }

    func testDoctypeWithBracketsInQuotesIsSkipped() {
        XCTAssertEqual(text("<!DOCTYPE x [ <!ENTITY a \"]>\"> ]><w:p><w:t>ok</w:t></w:p>"), "ok\n")
    }

    func testWordParagraphsTabsAndCellsNeverRunTogether() {
        let xml = """
        <w:document xmlns:w="x"><w:body><w:p><w:r><w:t>Name:</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve"> Anna</w:t></w:r></w:p>\
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>a@example.com</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
        <w:p><w:r><w:t>x</w:t><w:br/><w:t>y</w:t></w:r><w:r><w:delText>old</w:delText></w:r><w:r><w:instrText>HYPERLINK</w:instrText></w:r></w:p></w:body></w:document>
        """
        XCTAssertEqual(text(xml), "Name:\t Anna\na@example.com\n\tb\n\tx\nyold\n")
    }

    func testCDATACommentsAndProcessingInstructions() {
        XCTAssertEqual(text("<?pi x?><!-- <w:t>no</w:t> --><w:p><w:t><![CDATA[a<b>&amp;]]></w:t></w:p>"), "a<b>&amp;\n")
    }

    func testODFSpacesTabsAndCells() {
        let xml = "<office:body><text:h>T</text:h><text:p>a<text:s/>b<text:tab/>c<text:line-break/>d</text:p>"
            + "<table:table-row><table:table-cell><text:p>1</text:p></table:table-cell><table:table-cell><text:p>2</text:p></table:table-cell></table:table-row></office:body>"
        XCTAssertEqual(text(xml, .odf), "T\na b\tc\nd\n1\n\t2\n\t\n")
    }

    func testODFSpaceCountsAndSpacesBetweenSpans() {
        // <text:s text:c="N"/> is N spaces; a space alone between two spans of a paragraph is
        // kept (names and numbers must not run together); layout whitespace between paragraphs is not.
        let xml = "<office:text>\n  <text:p>2021<text:s text:c=\"2\"/>Controller<text:s/>x</text:p>\n  "
            + "<text:p><text:span text:style-name=\"T1\">Ana</text:span> <text:span>Silva</text:span><text:span> </text:span>NIF 123</text:p>\n"
            + "<text:h>a<text:s text:c=\"99999999\"/>b</text:h></office:text>"
        let out = text(xml, .odf)
        XCTAssertTrue(out.hasPrefix("2021  Controller x\nAna Silva NIF 123\na "), out)
        XCTAssertEqual(out.count, "2021  Controller x\nAna Silva NIF 123\na".count + 1024 + "b\n".count)
    }

    func testAttributesWithEntitiesAndQuotes() {
        var seen: [(String, String)] = []
        XMLTokenizer.tokenize(string: "<c r='A1' t=\"s\" v=\"a&amp;b&gt;\"/>") { e in
            if case .start(_, let attrs, let selfClosing) = e {
                XCTAssertTrue(selfClosing)
                seen = attrs.map { (String($0.name), $0.value) }
            }
        }
        XCTAssertEqual(seen.map(\.0), ["r", "t", "v"])
        XCTAssertEqual(seen.map(\.1), ["A1", "s", "a&b>"])
    }

    func testMalformedInputNeverTraps() {
        for s in ["<", "<w:t", "<!--", "<![CDATA[x", "<!DOCTYPE [", "&", "&#", "&#x110000;", "<a b='>", "</"] {
            _ = text(s)
        }
    }
}
