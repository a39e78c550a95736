import Foundation
import Glibc
import Inputs
import ScanCore
import XCTest

final class ChunkedReaderTests: XCTestCase {
    func testSmallFileIsOneChunk() throws {
        let fx = try Fixture()
        let p = try fx.write("a.txt", "hello\nworld\n")
        var chunks: [(bytes: [UInt8], TextChunk)] = []
        let result = try ChunkedReader.read(path: p, expected: nil) { chunks.append((Array($0.bytes), $0)) }
        XCTAssertEqual(result, ReadResult(bytesRead: 12, decodedBytes: 12, chunks: 1, encoding: .utf8, status: .complete))
        XCTAssertEqual(chunks.count, 1)
        XCTAssertEqual(chunks[0].bytes, Array("hello\nworld\n".utf8))
        XCTAssertEqual(chunks[0].1.ownedStart, 0)
        XCTAssertEqual(chunks[0].1.ownedEnd, 12)
        XCTAssertEqual(chunks[0].1.newlinesBefore, 0)
        XCTAssertEqual(chunks[0].1.streamOffset, 0)
    }

    func testEmptyFileIsCompleteWithNoChunk() throws {
        let fx = try Fixture()
        let p = try fx.write("empty.txt", "")
        var count = 0
        let result = try ChunkedReader.read(path: p, expected: nil) { _ in count += 1 }
        XCTAssertEqual(count, 0)
        XCTAssertEqual(result.status, .complete)
        XCTAssertEqual(result.bytesRead, 0)
    }

    func testSentinelAcrossChunkBoundaryIsFoundOnce() throws {
        let fx = try Fixture()
        let limits = ReadLimits(chunkSize: 100, lookBehind: 16, lookAhead: 32)
        let sentinel = Array("anna@example.pt".utf8)
        // The first chunk owns [0, chunkSize + lookBehind) = [0, 116); put the sentinel across 116.
        var text = [UInt8](repeating: UInt8(ascii: "x"), count: 1_000)
        for i in stride(from: 9, to: 1_000, by: 10) { text[i] = 10 } // a newline every 10 bytes
        let at = 110
        text.replaceSubrange(at..<at + sentinel.count, with: sentinel)
        let p = try fx.write("boundary.txt", bytes: text)
        let recorder = ChunkRecorder(limits)
        var hits: [(offset: UInt64, line: Int)] = []
        let result = try ChunkedReader.read(path: p, expected: nil, limits: limits) {
            recorder.take($0)
            hits += findOwned(sentinel, in: $0)
        }
        recorder.assertFinalOwnsToEnd()
        XCTAssertEqual(result.status, .complete)
        XCTAssertGreaterThan(recorder.chunkCount, 5)
        XCTAssertEqual(recorder.owned, text)
        XCTAssertEqual(hits.map(\.offset), [UInt64(at)])
        let expectedLine = text[0..<at].filter { $0 == 10 }.count + 1
        XCTAssertEqual(hits.map(\.line), [expectedLine])
    }

    /// Every placement of a sentinel around the boundaries, every overlap shape: found exactly once.
    func testEveryPlacementIsFoundExactlyOnce() throws {
        let sentinel = Array("x@y.io".utf8)
        let shapes = [ReadLimits(chunkSize: 7, lookBehind: 3, lookAhead: 6), ReadLimits(chunkSize: 1, lookBehind: 0, lookAhead: 6),
                      ReadLimits(chunkSize: 10, lookBehind: 20, lookAhead: 20), ReadLimits(chunkSize: 64, lookBehind: 0, lookAhead: 8)]
        for limits in shapes {
            for at in 0..<60 {
                var text = Array(String(repeating: "ab\ncd ", count: 12).utf8)
                text.replaceSubrange(at..<at + sentinel.count, with: sentinel)
                for sizes in [[Int.max], [1], [3, 5, 11]] {
                    let recorder = ChunkRecorder(limits)
                    var hits: [(offset: UInt64, line: Int)] = []
                    let result = try ChunkedReader.read(from: SliceSource(text, sizes: sizes), limits: limits) {
                        recorder.take($0)
                        hits += findOwned(sentinel, in: $0)
                    }
                    recorder.assertFinalOwnsToEnd()
                    XCTAssertEqual(result.status, .complete)
                    XCTAssertEqual(recorder.owned, text, "\(limits) at \(at)")
                    XCTAssertEqual(hits.map(\.offset), [UInt64(at)], "\(limits) at \(at) reads \(sizes)")
                    XCTAssertEqual(hits.first?.line, text[0..<at].filter { $0 == 10 }.count + 1)
                }
            }
        }
    }

    func testLongSingleLineHasBoundedBuffers() throws {
        let fx = try Fixture()
        let size = 20 << 20
        let limits = ReadLimits(chunkSize: 64 << 10, lookBehind: 256, lookAhead: 1024)
        let email = Array("end@example.pt".utf8)
        let straddle = Array("mid@example.pt".utf8)
        // One 20 MiB line: 'a' bytes, an email across the 3rd chunk boundary, one at the very end.
        let fd = open(fx.at("line.txt"), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let block = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        for _ in 0..<20 { _ = block.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } }
        let boundary = 3 * limits.chunkSize + limits.lookBehind - 5
        _ = straddle.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(boundary)) }
        _ = email.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(size - email.count)) }
        close(fd)
        var maxBuffer = 0, chunks = 0
        var hits: [UInt64] = []
        var lastNewlines = -1
        let result = try ChunkedReader.read(path: fx.at("line.txt"), expected: nil, limits: limits) { c in
            chunks += 1
            maxBuffer = max(maxBuffer, c.bytes.count)
            lastNewlines = c.newlinesBefore
            hits += findOwned(email, in: c).map(\.offset) + findOwned(straddle, in: c).map(\.offset)
        }
        XCTAssertEqual(result.status, .complete)
        XCTAssertEqual(result.bytesRead, UInt64(size))
        XCTAssertEqual(result.decodedBytes, UInt64(size))
        XCTAssertLessThanOrEqual(maxBuffer, limits.chunkSize + limits.lookBehind + limits.lookAhead)
        XCTAssertGreaterThan(chunks, 300)
        XCTAssertEqual(lastNewlines, 0)
        XCTAssertEqual(hits.sorted(), [UInt64(boundary), UInt64(size - email.count)])
    }

    func testIOErrorMidwayIsPartialAfterDeliveringWhatWasRead() throws {
        let text = Array(String(repeating: "line of text\n", count: 10_000).utf8)
        let limits = ReadLimits(chunkSize: 4096, lookBehind: 16, lookAhead: 64)
        let recorder = ChunkRecorder(limits)
        let result = try ChunkedReader.read(from: SliceSource(text, sizes: [1000], failAt: 100_000), limits: limits) { recorder.take($0) }
        XCTAssertEqual(result.status, .partial("io: Input/output error"))
        XCTAssertEqual(result.bytesRead, 100_000)
        XCTAssertEqual(recorder.owned, Array(text[0..<100_000]), "everything read before the error was delivered")
        recorder.assertFinalOwnsToEnd()
        // A failure inside the 64 KiB sample: the bytes before it are still delivered.
        let early = ChunkRecorder(limits)
        let inSample = try ChunkedReader.read(from: SliceSource(text, sizes: [7], failAt: 300), limits: limits) { early.take($0) }
        XCTAssertEqual(inSample.status, .partial("io: Input/output error"))
        XCTAssertEqual(early.owned, Array(text[0..<300]))
        // The same midway in a transcoded (UTF-16) stream.
        let utf16: [UInt8] = [0xFF, 0xFE] + text.flatMap { [$0, 0] }
        let transcoded = ChunkRecorder(limits)
        let t = try ChunkedReader.read(from: SliceSource(utf16, sizes: [999], failAt: 150_002), limits: limits) { transcoded.take($0) }
        XCTAssertEqual(t.status, .partial("io: Input/output error"))
        XCTAssertEqual(t.encoding, .utf16LE)
        XCTAssertEqual(transcoded.owned, Array(text[0..<75_000]))
        // A failure before any byte arrives is an error, not an empty success.
        XCTAssertThrowsError(try ChunkedReader.read(from: SliceSource(text, failAt: 0)) { _ in }) {
            XCTAssertEqual("\($0)", "read: Input/output error - while reading test source")
        }
    }

    func testBodyErrorsAreRethrown() throws {
        struct Stop: Error {}
        XCTAssertThrowsError(try ChunkedReader.read(from: SliceSource(Array("abc".utf8))) { _ in throw Stop() }) {
            XCTAssertTrue($0 is Stop)
        }
    }

    func testBinaryIsSkippedAndDeliversNothing() throws {
        let fx = try Fixture()
        let p = try fx.write("blob.bin", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00] + Array("anna@example.pt".utf8))
        let result = try ChunkedReader.read(path: p, expected: nil) { _ in XCTFail("binary content must not be delivered") }
        XCTAssertEqual(result.status, .skipped("binary"))
        XCTAssertTrue(result.isBinary)
        XCTAssertNil(result.encoding)
    }

    func testSparseTenGigabyteFileIsBinaryAfterTheSample() throws {
        let fx = try Fixture()
        let fd = open(fx.at("sparse"), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        XCTAssertEqual(ftruncate(fd, 10 << 30), 0)
        close(fd)
        let result = try ChunkedReader.read(path: fx.at("sparse"), expected: nil) { _ in XCTFail("no chunk expected") }
        XCTAssertEqual(result.status, .skipped("binary"))
        XCTAssertEqual(result.bytesRead, UInt64(TextSniffer.sampleSize))
    }

    /// Over 4 GiB with data near the end (64-bit offsets). Set TRAWL_BIG_TESTS=1 to run it.
    func testFileOverFourGigabytesWithDataNearTheEnd() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["TRAWL_BIG_TESTS"] == "1", "set TRAWL_BIG_TESTS=1 (reads 5 GiB)")
        let fx = try Fixture()
        let size: Int64 = 5 << 30
        let fd = open(fx.at("big.txt"), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let head = [UInt8](repeating: UInt8(ascii: "t"), count: TextSniffer.sampleSize + 10)
        _ = head.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        XCTAssertEqual(ftruncate(fd, off_t(size)), 0)
        let email = Array("late@example.pt".utf8)
        let at = size - 100
        _ = email.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(at)) }
        close(fd)
        var hits: [UInt64] = []
        let result = try ChunkedReader.read(path: fx.at("big.txt"), expected: nil) { hits += findOwnedFast(email, in: $0) }
        XCTAssertEqual(result.status, .complete)
        XCTAssertEqual(result.bytesRead, UInt64(size))
        XCTAssertEqual(hits, [UInt64(at)])
    }
}

/// Like `findOwned`, but skips to candidate first bytes with memchr (for big inputs).
private func findOwnedFast(_ needle: [UInt8], in c: TextChunk) -> [UInt64] {
    guard let base = c.bytes.baseAddress else { return [] }
    var hits: [UInt64] = []
    var i = c.ownedStart
    while i < c.ownedEnd, let p = memchr(base + i, Int32(needle[0]), c.ownedEnd - i) {
        let at = UnsafeRawPointer(p) - base
        if at + needle.count <= c.bytes.count && memcmp(base + at, needle, needle.count) == 0 {
            hits.append(c.streamOffset + UInt64(at))
        }
        i = at + 1
    }
    return hits
}
