import Extraction
import XCTest

final class RTFTextTests: XCTestCase {
    func extract(_ s: String) -> String {
        Array(s.utf8).withUnsafeBytes { RTFText.extract($0) }
    }

    func testControlWordsDroppedAndParagraphsKept() {
        let rtf = "{\\rtf1\\ansi{\\fonttbl{\\f0 Helvetica;}}\n\\pard\\plain\\f0\\fs20 203.0.113.55 - - x\\par\n\\pard Second\\tab cell\\par}"
        XCTAssertEqual(extract(rtf), "203.0.113.55 - - x\nSecond\tcell\n")
    }

    func testHexAndUnicodeEscapes() {
        XCTAssertEqual(extract("{\\rtf1 Jos\\'e9 \\u8364?5 M\\u252?ller\\par}"), "José €5 Müller\n")
        XCTAssertEqual(extract("{\\rtf1\\uc2 a\\u269XYb}"), "ačb")
    }

    func testSkippedDestinations() {
        let rtf = "{\\rtf1{\\colortbl;\\red0;}{\\stylesheet{\\s0 Normal 555-0100;}}{\\*\\generator Word;}{\\pict\\pngblip 89504e47}{\\info{\\author Anna Berg}}Body\\par}"
        XCTAssertEqual(extract(rtf), "Anna Berg\nBody\n")
    }

    func testEscapedBracesAndBackslash() {
        XCTAssertEqual(extract("{\\rtf1 a\\{b\\}c\\\\d}"), "a{b}c\\d")
    }
}
