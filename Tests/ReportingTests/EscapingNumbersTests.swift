@testable import Reporting
import XCTest

/// The allocation-free number writers give the same text as the string formatting.
final class EscapingNumbersTests: XCTestCase {
    func testDecimalsAndConfidencesMatchStringFormatting() {
        for n in [0, 1, 9, 10, 99, 100, 12345, Int.max, -1, -907, Int.min + 1] {
            var out: [UInt8] = []
            Escaping.appendDecimal(n, to: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), String(n))
        }
        for hundredths in 0...100 {
            for c in [Double(hundredths) / 100, Double(hundredths) / 100 + 0.004, Double(hundredths) / 100 - 0.004] where c >= 0 {
                var out: [UInt8] = []
                Escaping.appendConfidence(c, to: &out)
                XCTAssertEqual(String(decoding: out, as: UTF8.self), formatConfidence(c), "\(c)")
            }
        }
    }

    func testJSONEscapesOnlyWhatMustBeEscaped() {
        for s in ["plain", "quote \" and \\ back", "tab\there", "line\u{2028}sep", "para\u{2029}", "e\u{2026}llipsis", "caf\u{E9}", "\u{7F}del", ""] {
            var out: [UInt8] = []
            Escaping.appendJSON(s, to: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), Escaping.jsonSlow(s), s)
        }
    }
}
