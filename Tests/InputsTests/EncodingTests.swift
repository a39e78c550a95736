import Inputs
import ScanCore
import XCTest

/// Files in various encodings come out of the reader as UTF-8.
final class EncodingTests: XCTestCase {
    /// Reads `bytes` from a file and returns the decoded text and the result.
    private func decode(_ bytes: [UInt8], limits: ReadLimits = ReadLimits()) throws -> ([UInt8], ReadResult) {
        let fx = try Fixture()
        let p = try fx.write("f", bytes: bytes)
        let recorder = ChunkRecorder(limits)
        let result = try ChunkedReader.read(path: p, expected: nil, limits: limits) { recorder.take($0) }
        recorder.assertFinalOwnsToEnd()
        return (recorder.owned, result)
    }

    private func utf16(_ s: String, bigEndian: Bool) -> [UInt8] {
        s.utf16.flatMap { u in bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)] }
    }

    private let letter = "Olá,\nescreva para anna.silva@example.pt 🙂 ou Łukasz.\n"

    func testUTF16LEWithBOM() throws {
        let (text, result) = try decode([0xFF, 0xFE] + utf16(letter, bigEndian: false))
        XCTAssertEqual(result.encoding, .utf16LE)
        XCTAssertEqual(result.status, .complete)
        XCTAssertEqual(String(decoding: text, as: UTF8.self), letter)
    }

    func testUTF16BEWithBOM() throws {
        let (text, result) = try decode([0xFE, 0xFF] + utf16(letter, bigEndian: true))
        XCTAssertEqual(result.encoding, .utf16BE)
        XCTAssertEqual(String(decoding: text, as: UTF8.self), letter)
    }

    func testUTF16WithoutBOM() throws {
        let le = try decode(utf16(letter, bigEndian: false))
        XCTAssertEqual(le.1.encoding, .utf16LE)
        XCTAssertEqual(String(decoding: le.0, as: UTF8.self), letter)
        let be = try decode(utf16(letter, bigEndian: true))
        XCTAssertEqual(be.1.encoding, .utf16BE)
        XCTAssertEqual(String(decoding: be.0, as: UTF8.self), letter)
    }

    func testUTF16AcrossManyChunksAndReads() throws {
        // Long enough that surrogate pairs and code units are cut by the 64 KiB reads.
        let long = String(repeating: "a🙂b\u{00E9}", count: 40_000) + " anna@example.pt"
        let limits = ReadLimits(chunkSize: 1000, lookBehind: 10, lookAhead: 20)
        let (text, result) = try decode([0xFF, 0xFE] + utf16(long, bigEndian: false), limits: limits)
        XCTAssertEqual(result.encoding, .utf16LE)
        XCTAssertEqual(text, Array(long.utf8))
        XCTAssertEqual(result.decodedBytes, UInt64(long.utf8.count))
        // Byte-at-a-time reads through a source give the same stream.
        let recorder = ChunkRecorder(limits)
        _ = try ChunkedReader.read(from: SliceSource([0xFE, 0xFF] + utf16(long, bigEndian: true), sizes: [1, 3, 4093]),
                                   limits: limits) { recorder.take($0) }
        XCTAssertEqual(recorder.owned, Array(long.utf8))
    }

    func testUTF8BOMIsStripped() throws {
        let (text, result) = try decode([0xEF, 0xBB, 0xBF] + Array("anna@example.pt\n".utf8))
        XCTAssertEqual(result.encoding, .utf8BOM)
        XCTAssertEqual(text, Array("anna@example.pt\n".utf8))
        XCTAssertEqual(result.bytesRead, 19)
        XCTAssertEqual(result.decodedBytes, 16)
    }

    func testLatin1BecomesUTF8() throws {
        // Latin-1 bytes (ü = 0xFC, ß = 0xDF) and the Windows-1252 euro sign (0x80).
        let latin1: [UInt8] = "Herr Müller, Straße 5 €".unicodeScalars.map { $0 == "€" ? 0x80 : UInt8($0.value) }
        XCTAssertEqual(latin1.count, 23)
        let (text, result) = try decode(latin1)
        XCTAssertEqual(result.encoding, .windows1252)
        XCTAssertEqual(String(decoding: text, as: UTF8.self), "Herr Müller, Straße 5 €")
    }

    func testWindows1250DecodesAsWindows1252WithoutCrashing() throws {
        // "Łukasz Wójcik, Kraków" in Windows-1250: Ł = 0xA3, ó = 0xF3.
        let bytes: [UInt8] = [0xA3] + Array("ukasz W".utf8) + [0xF3] + Array("jcik, Krak".utf8) + [0xF3, 0x77]
        let (text, result) = try decode(bytes)
        XCTAssertEqual(result.encoding, .windows1252)
        XCTAssertEqual(String(decoding: text, as: UTF8.self), "£ukasz Wójcik, Kraków")
    }

    func testInvalidUTF8NextToASCIIIsKeptAsBytes() throws {
        // Mostly UTF-8 (é, ã) with stray invalid bytes glued to an email.
        let bytes = Array("José, São Paulo: ".utf8) + [0xC3, 0x28] + Array("anna@example.pt".utf8) + [0xFF] + Array("\n".utf8)
        let (text, result) = try decode(bytes)
        XCTAssertEqual(result.encoding, .utf8)
        XCTAssertEqual(text, bytes, "passed through unchanged")
    }

    func testASCIIIsUTF8() throws {
        let (text, result) = try decode(Array("plain ascii\n".utf8))
        XCTAssertEqual(result.encoding, .utf8)
        XCTAssertEqual(text, Array("plain ascii\n".utf8))
    }
}
