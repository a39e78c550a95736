import Inputs
import XCTest

final class TranscoderTests: XCTestCase {
    private func le(_ units: [UInt16]) -> [UInt8] { units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
    private func be(_ units: [UInt16]) -> [UInt8] { units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }

    func testUTF16BasicPlanesAndPairs() {
        let text = "A é € 𝄞 🙂 z\u{0}"
        var t = UTF16Transcoder(bigEndian: false)
        XCTAssertEqual(t.transcode(le(Array(text.utf16))), Array(text.utf8))
        var b = UTF16Transcoder(bigEndian: true)
        XCTAssertEqual(b.transcode(be(Array(text.utf16))), Array(text.utf8))
    }

    func testUTF16CarriesOddBytesAndSurrogatesAcrossCalls() {
        let text = "x🙂y€"
        let bytes = le(Array(text.utf16))
        // Every split point, including inside a code unit and between the surrogates.
        for cut in 0...bytes.count {
            var t = UTF16Transcoder(bigEndian: false)
            let out = t.transcode(Array(bytes[0..<cut]), final: false) + t.transcode(Array(bytes[cut...]), final: true)
            XCTAssertEqual(out, Array(text.utf8), "cut at \(cut)")
        }
        // One byte at a time.
        var t = UTF16Transcoder(bigEndian: false)
        var out: [UInt8] = []
        for byte in bytes { out += t.transcode([byte], final: false) }
        out += t.transcode([], final: true)
        XCTAssertEqual(out, Array(text.utf8))
    }

    func testUTF16UnpairedSurrogatesBecomeReplacementCharacters() {
        let fffd = Array("\u{FFFD}".utf8)
        var t = UTF16Transcoder(bigEndian: false)
        XCTAssertEqual(t.transcode(le([0xD83D, 0x41])), fffd + [0x41], "high then not low")
        XCTAssertEqual(t.transcode(le([0xDE42, 0x41])), fffd + [0x41], "lone low")
        XCTAssertEqual(t.transcode(le([0x41, 0xD83D])), [0x41] + fffd, "high at the end of the stream")
        XCTAssertEqual(t.transcode(le([0xD83D, 0xD83D, 0xDE42])), fffd + Array("🙂".utf8), "high, high, low")
        XCTAssertEqual(t.transcode([0x41, 0x00, 0x42]), [0x41] + fffd, "odd trailing byte")
    }

    func testUTF16OutputBoundHolds() {
        // Worst cases per input byte: U+0800..U+FFFF (3 bytes per 2), and a pending high surrogate.
        var t = UTF16Transcoder(bigEndian: false)
        _ = t.transcode(le([0xD83D]), final: false)
        let input = le([UInt16](repeating: 0xD83D, count: 1000))
        let out = t.transcode(input, final: false)
        XCTAssertLessThanOrEqual(out.count, UTF16Transcoder.maxOutputCount(forInputCount: input.count))
        XCTAssertEqual(out.count, 1000 * 3)
    }

    func testWindows1252Table() {
        let t = Windows1252Transcoder()
        XCTAssertEqual(String(decoding: t.transcode([0x80, 0x8A, 0x92, 0x9F, 0x96]), as: UTF8.self), "€Š’Ÿ–")
        XCTAssertEqual(String(decoding: t.transcode([0x41, 0xA0, 0xC4, 0xE9, 0xFF]), as: UTF8.self), "A\u{A0}Äéÿ")
        XCTAssertEqual(String(decoding: t.transcode([0x81, 0x8D, 0x8F, 0x90, 0x9D]), as: UTF8.self), "\u{81}\u{8D}\u{8F}\u{90}\u{9D}")
        // Every byte decodes to exactly one scalar, within the bound.
        let all = (0...255).map { UInt8($0) }
        let out = t.transcode(all)
        XCTAssertEqual(String(decoding: out, as: UTF8.self).unicodeScalars.count, 256)
        XCTAssertLessThanOrEqual(out.count, Windows1252Transcoder.maxOutputCount(forInputCount: 256))
    }
}
