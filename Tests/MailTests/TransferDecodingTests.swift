@testable import Mail
import XCTest

final class TransferDecodingTests: XCTestCase {
    func testBase64() {
        let cases: [(String, String, Bool)] = [
            ("YW5uYUBleGFtcGxlLnB0", "anna@example.pt", false),
            ("YW5u\r\nYUBl\neGFt cGxlLnB0", "anna@example.pt", false),
            ("YQ==", "a", false),
            ("YWI=", "ab", false),
            ("YWI", "ab", false),               // unpadded tail
            ("YW5u*YUBleGFtcGxlLnB0", "anna@example.pt", true), // junk skipped, reported
            ("YQ==YWI=", "aab", false),          // concatenated runs
        ]
        for (input, want, malformed) in cases {
            let d = TransferDecoding.base64(Array(input.utf8))
            XCTAssertEqual(String(decoding: d.bytes, as: UTF8.self), want, input)
            XCTAssertEqual(d.malformed, malformed, input)
        }
    }

    func testQuotedPrintable() {
        let cases: [(String, String, Bool)] = [
            ("M=C3=BCller", "Müller", false),
            ("anna.sil=\r\nva@example.pt", "anna.silva@example.pt", false), // soft break inside an address
            ("anna.sil=  \nva@example.pt", "anna.silva@example.pt", false), // trailing space after '='
            ("a=3Db", "a=b", false),
            ("bad =ZZ escape", "bad =ZZ escape", true),
            ("end=", "end", false),
            ("lower =c3=bc", "lower ü", false),
        ]
        for (input, want, malformed) in cases {
            let d = TransferDecoding.quotedPrintable(Array(input.utf8))
            XCTAssertEqual(String(decoding: d.bytes, as: UTF8.self), want, input)
            XCTAssertEqual(d.malformed, malformed, input)
        }
        XCTAssertEqual(String(decoding: TransferDecoding.quotedPrintable(Array("a_b".utf8), header: true).bytes, as: UTF8.self), "a b")
    }
}
