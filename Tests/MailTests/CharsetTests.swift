@testable import Mail
import XCTest

final class CharsetTests: XCTestCase {
    func testKnownCharsets() {
        let cases: [([UInt8], String, String)] = [
            ([0x4D, 0xC3, 0xBC, 0x6C, 0x6C, 0x65, 0x72], "UTF-8", "Müller"),
            ([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72], "iso-8859-1", "Müller"),
            ([0xA4, 0x31, 0x30], "ISO-8859-15", "€10"),
            ([0x80, 0x31, 0x30, 0x20, 0x93, 0x71, 0x94], "windows-1252", "€10 \u{201C}q\u{201D}"),
            ([0xA3, 0x75, 0x6B, 0x61, 0x73, 0x7A], "windows-1250", "Łukasz"),
            ([0xA3, 0x75, 0x6B, 0x61, 0x73, 0x7A], "iso-8859-2", "Łukasz"),
            ([0xCF, 0xE5, 0xF2, 0xF0], "windows-1251", "Петр"),
            ([0xFF, 0xFE, 0x41, 0x00, 0xE9, 0x00], "utf-16", "Aé"),
            ([0x00, 0x41, 0x00, 0xE9], "UTF-16BE", "Aé"),
            ([0x41, 0x00, 0xE9, 0x00], "utf-16le", "Aé"),
            ([0x41, 0x42], "us-ascii", "AB"),
        ]
        for (bytes, cs, want) in cases {
            let d = Charset.decode(bytes, charset: cs)
            XCTAssertEqual(d.text, want, cs)
            XCTAssertFalse(d.lenient, cs)
        }
    }

    func testUnknownCharsetIsLenient() {
        let utf8 = Charset.decode(Array("Müller".utf8), charset: "x-unknown-42")
        XCTAssertEqual(utf8.text, "Müller")
        XCTAssertTrue(utf8.lenient)
        let latin = Charset.decode([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72], charset: "x-unknown-42")
        XCTAssertEqual(latin.text, "Müller")
        XCTAssertTrue(latin.lenient)
        XCTAssertFalse(Charset.isKnown("koi8-r-bogus"))
        XCTAssertTrue(Charset.isKnown("Latin1"))
    }
}
