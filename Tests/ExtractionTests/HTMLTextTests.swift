import Extraction
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
        XCTAssertTrue(text.contains("one\n"))
        XCTAssertTrue(text.contains("\ntwo"))
        XCTAssertTrue(text.contains("a\tb\t"))
        XCTAssertTrue(text.contains(" anna@example.com "))
        XCTAssertTrue(text.contains("x\ny"))
    }

    func testWindows1252Fallback() {
        let bytes: [UInt8] = Array("<p>Jos".utf8) + [0xE9] + Array(" ".utf8) + [0x80] + Array("</p>".utf8)
        XCTAssertEqual(bytes.withUnsafeBytes { HTMLText.extract($0) }, "\nJosé €\n")
    }
}
