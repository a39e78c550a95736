import Inputs
import ScanCore
import XCTest

/// Records what the reader delivers and checks the chunk contract on every chunk.
final class ChunkRecorder {
    let limits: ReadLimits
    /// Concatenation of every chunk's owned bytes: the decoded stream.
    var owned: [UInt8] = []
    var chunkCount = 0
    var maxBufferBytes = 0
    /// Stream offset where the next chunk must start owning.
    private var expectedOwnedStart: UInt64 = 0
    private var newlines = 0
    private var countedUpTo = 0

    init(_ limits: ReadLimits) { self.limits = limits }

    /// The body to pass to the reader.
    func take(_ c: TextChunk, file: StaticString = #filePath, line: UInt = #line) {
        chunkCount += 1
        maxBufferBytes = max(maxBufferBytes, c.bytes.count)
        XCTAssertLessThanOrEqual(c.bytes.count, limits.maxChunkBytes, "buffer above the bound", file: file, line: line)
        XCTAssertEqual(c.streamOffset + UInt64(c.ownedStart), expectedOwnedStart, "owned ranges do not tile", file: file, line: line)
        XCTAssertLessThanOrEqual(c.ownedStart, c.ownedEnd, file: file, line: line)
        XCTAssertLessThanOrEqual(c.ownedEnd, c.bytes.count, file: file, line: line)
        // look-behind: at least lookBehind bytes before the owned range, unless near the start
        XCTAssertGreaterThanOrEqual(c.ownedStart, min(limits.lookBehind, Int(c.streamOffset) + c.ownedStart), file: file, line: line)
        // newlinesBefore = newlines of the stream before bytes[0]
        let before = Int(c.streamOffset)
        while countedUpTo < before { if owned[countedUpTo] == 10 { newlines += 1 }; countedUpTo += 1 }
        XCTAssertEqual(c.newlinesBefore, newlines, "newlinesBefore", file: file, line: line)
        // the context before the owned range equals the stream's bytes there
        let context = Array(c.bytes[0..<c.ownedStart])
        XCTAssertEqual(context, Array(owned[before..<before + c.ownedStart]), "look-behind differs from the stream", file: file, line: line)
        owned.append(contentsOf: c.bytes[c.ownedStart..<c.ownedEnd])
        expectedOwnedStart = c.streamOffset + UInt64(c.ownedEnd)
        lastOwnedEnd = c.ownedEnd
        lastCount = c.bytes.count
    }

    private(set) var lastOwnedEnd = 0
    private(set) var lastCount = 0

    /// The final chunk owns to its end.
    func assertFinalOwnsToEnd(file: StaticString = #filePath, line: UInt = #line) {
        guard chunkCount > 0 else { return }
        XCTAssertEqual(lastOwnedEnd, lastCount, "final chunk must own to the end", file: file, line: line)
    }
}

/// A toy matcher: finds `needle` in each chunk and keeps hits that start in the owned range.
/// Returns (stream offset, 1-based line) of every hit.
func findOwned(_ needle: [UInt8], in chunk: TextChunk) -> [(offset: UInt64, line: Int)] {
    var hits: [(UInt64, Int)] = []
    let bytes = chunk.bytes
    guard bytes.count >= needle.count, !needle.isEmpty else { return [] }
    var newlines = chunk.newlinesBefore
    var counted = 0
    var i = 0
    while i + needle.count <= bytes.count {
        if bytes[i] == needle[0] && needle.indices.allSatisfy({ bytes[i + $0] == needle[$0] }) {
            if i >= chunk.ownedStart && i < chunk.ownedEnd {
                while counted < i { if bytes[counted] == 10 { newlines += 1 }; counted += 1 }
                hits.append((chunk.streamOffset + UInt64(i), newlines + 1))
            }
        }
        i += 1
    }
    return hits
}
