@testable import Mail
import XCTest

final class RTFTextTests: XCTestCase {
    func testText() {
        let rtf = #"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}{\colortbl;\red0;}{\*\htmltag84 <b>}Dear J\'f6rg,\par Call \u8364?10 or mail {\b anna@example.de}\line Bye\tab x}"#
        XCTAssertEqual(RTFText.text(Array(rtf.utf8)), "Dear Jörg,\nCall €10 or mail anna@example.de\nBye\tx")
        let cp1250 = #"{\rtf1\ansi\ansicpg1250 \'a3ukasz}"#
        XCTAssertEqual(RTFText.text(Array(cp1250.utf8)), "Łukasz")
    }

    func testHostileNesting() {
        let deep = String(repeating: "{", count: 50_000) + "x" + String(repeating: "}", count: 60_000)
        XCTAssertEqual(RTFText.text(Array(deep.utf8)), "x")
    }
}
