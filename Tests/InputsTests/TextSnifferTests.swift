import Inputs
import XCTest

final class TextSnifferTests: XCTestCase {
    private func sniff(_ bytes: [UInt8], whole: Bool = true) -> TextSniffer.Verdict {
        TextSniffer.sniff(bytes, isWholeStream: whole)
    }

    func testByteOrderMarks() {
        XCTAssertEqual(sniff([0xEF, 0xBB, 0xBF, 0x41]), .text(.utf8BOM, bomLength: 3))
        XCTAssertEqual(sniff([0xFF, 0xFE, 0x41, 0x00]), .text(.utf16LE, bomLength: 2))
        XCTAssertEqual(sniff([0xFE, 0xFF, 0x00, 0x41]), .text(.utf16BE, bomLength: 2))
        XCTAssertEqual(sniff([]), .text(.utf8, bomLength: 0))
    }

    func testUTF16WithoutBOMNeedsTheNULPattern() {
        let ascii = Array("hello world, anna@example.pt".utf8)
        XCTAssertEqual(sniff(ascii.flatMap { [$0, 0] }), .text(.utf16LE, bomLength: 0))
        XCTAssertEqual(sniff(ascii.flatMap { [0, $0] }), .text(.utf16BE, bomLength: 0))
        // NULs without the pattern: binary.
        XCTAssertEqual(sniff(Array("text\0with a nul".utf8)), .binary)
        XCTAssertEqual(sniff([0, 0, 0, 0, 0, 0, 0, 0]), .binary)
        // 16-bit little integers below 256 are not text: most low bytes are not printable.
        XCTAssertEqual(sniff((0..<200).flatMap { [UInt8($0 % 32), 0] }), .binary)
    }

    func testSingleByteTextVersusUTF8WithStrayBytes() {
        XCTAssertEqual(sniff([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72]), .text(.windows1252, bomLength: 0))
        XCTAssertEqual(sniff(Array("Müller".utf8)), .text(.utf8, bomLength: 0))
        XCTAssertEqual(sniff(Array("José ".utf8) + [0xFF] + Array(" x".utf8)), .text(.utf8, bomLength: 0))
        // Bytes Windows-1252 leaves unassigned do not look like single-byte text.
        XCTAssertEqual(sniff([0x41, 0x81, 0x8D, 0x41]), .text(.utf8, bomLength: 0))
    }

    func testTruncatedSequenceAtTheSampleEndIsIgnored() {
        // "…é" cut after the lead byte: valid UTF-8 if more follows, invalid if that is all.
        let cut = Array("caf".utf8) + [0xC3]
        XCTAssertEqual(sniff(cut, whole: false), .text(.utf8, bomLength: 0))
        XCTAssertEqual(sniff(cut, whole: true), .text(.windows1252, bomLength: 0))
        let cut3 = Array("euro ".utf8) + [0xE2, 0x82]
        XCTAssertEqual(sniff(cut3, whole: false), .text(.utf8, bomLength: 0))
    }

    func testOverlongAndSurrogateEncodingsAreInvalid() {
        XCTAssertEqual(sniff([0x41, 0xC0, 0xAF, 0x41]), .text(.windows1252, bomLength: 0)) // overlong '/'
        XCTAssertEqual(sniff([0x41, 0xED, 0xA0, 0x80, 0x41]), .text(.windows1252, bomLength: 0)) // U+D800
    }
}
