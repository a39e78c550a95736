import Extraction
import Foundation
import XCTest

final class HTMLTextTests: XCTestCase {
    func testTagsScriptsStylesAndEntities() {
        let html = """
        <!DOCTYPE html><html><head><title>T</title><style>p{x:1}</style><script>var a="<p>b@example.com</p>";</script></head>
        <body><p>M&uuml;ller&nbsp;&amp; Co &#x40; &#64;</p><div>one</div><div>two</div><!-- c@example.com -->
        <table><tr><td>a</td><td>b</td></tr></table><a href="mailto:anna%40example.com?subject=x">write</a> x<br>y</body></html>
        """
        let text = HTMLText.extract(string: html)
        XCTAssertFalse(text.contains("b@example.com"))
        XCTAssertFalse(text.contains("c@example.com"))
        XCTAssertFalse(text.contains("x:1"))
        XCTAssertTrue(text.contains("Müller & Co @ @"))
        XCTAssertTrue(text.contains("one\ttwo"))
        XCTAssertTrue(text.contains("a\tb\t"))
        XCTAssertTrue(text.contains("write anna@example.com "))
        XCTAssertTrue(text.contains("x\ty"))
        XCTAssertTrue(HTMLText.extract(string: "<p>Tel 07 35 74 72 52 <br>780 Paris</p>").contains("52 \t780"))
    }

    func testLinesStayAlignedWithTheSource() {
        let html = "<html>\n<head><script>\nvar a;\n</script></head>\n<!-- one\ntwo -->\n<p title=\"a\nb\">x@example.com</p>\n<p>y</p>\n"
        let text = HTMLText.extract(string: html)
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(html.components(separatedBy: "\n").count, lines.count)
        XCTAssertEqual(lines[7].trimmingCharacters(in: .whitespaces), "x@example.com")
        XCTAssertEqual(lines[8].trimmingCharacters(in: .whitespaces), "y")
    }

    func testMailtoTargetAddedOnlyWhenNotShown() {
        XCTAssertEqual(HTMLText.extract(string: "<a href=\"mailto:a@example.com\">a@example.com</a>"), "a@example.com")
        XCTAssertEqual(HTMLText.extract(string: "<a href=\"mailto:a@example.com\">E-Mail</a>"), "E-Mail a@example.com ")
        XCTAssertEqual(HTMLText.extract(string: "<a href='tel:+4930123456'>call</a>"), "call +4930123456 ")
    }

    func testWindows1252Fallback() {
        let bytes: [UInt8] = Array("<p>Jos".utf8) + [0xE9] + Array(" ".utf8) + [0x80] + Array("</p>".utf8)
        XCTAssertEqual(bytes.withUnsafeBytes { HTMLText.extract($0) }, "José €\t")
    }
}
