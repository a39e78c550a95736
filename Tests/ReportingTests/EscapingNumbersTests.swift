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

    /// The eight-byte test flags exactly the lanes holding a byte the escape must look at.
    func testEightByteEscapeTestMatchesTheByteRule() {
        for lane in 0..<8 {
            for b in 0...255 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[lane] = UInt8(b)
                let x = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let special = b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xE2
                XCTAssertEqual(Escaping.mayNeedEscape(x), special, "byte \(b) lane \(lane)")
            }
        }
    }

    /// Random texts dense in the bytes that matter, at every offset against the eight-byte
    /// steps, escape as the slow path does.
    func testJSONMatchesTheSlowPathOnRandomTexts() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "/", "\"", "\\", "\t", "\n", "\u{1}", "\u{7F}", "\u{2028}", "\u{2029}", "\u{2026}", "\u{E9}", "\u{20AC}", " "]
        for _ in 0..<3_000 {
            let n = Int.random(in: 0...40, using: &rng)
            let s = (0..<n).map { _ in pieces.randomElement(using: &rng)! }.joined()
            var out: [UInt8] = []
            Escaping.appendJSON(s, to: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), Escaping.jsonSlow(s), s.debugDescription)
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
