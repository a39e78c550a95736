import Glibc
import ScanCore

/// Cuts a decoded stream into overlapping `TextChunk`s in one fixed buffer.
///
/// The buffer holds at most `chunkSize + lookBehind + lookAhead` bytes. When it is full and
/// more data comes, it is delivered owning all but its last `lookAhead` bytes; then its last
/// `lookBehind + lookAhead` bytes move to the front and the next chunk owns from where the
/// previous one stopped. The final chunk owns to the end. Every byte is owned exactly once.
struct ChunkAssembler {
    private let lookBehind: Int
    private let lookAhead: Int
    private var storage: [UInt8]
    /// Bytes in the buffer.
    private var count = 0
    /// Start of the range the next delivered chunk owns.
    private var ownedStart = 0
    private var newlinesBefore = 0
    private var streamOffset: UInt64 = 0
    /// Chunks delivered.
    private(set) var chunks = 0
    /// Decoded bytes taken in.
    private(set) var streamLength: UInt64 = 0

    /// An empty assembler for `limits`.
    init(limits: ReadLimits) {
        lookBehind = limits.lookBehind
        lookAhead = limits.lookAhead
        storage = [UInt8](repeating: 0, count: limits.maxChunkBytes)
    }

    /// Appends decoded bytes, delivering full buffers as needed.
    mutating func append(_ bytes: UnsafeRawBufferPointer, body: (TextChunk) throws -> Void) throws {
        var rest = bytes
        while !rest.isEmpty {
            if count == storage.count { try deliverAndShift(body) }
            let n = min(storage.count - count, rest.count)
            let at = count
            storage.withUnsafeMutableBytes { buffer in
                UnsafeMutableRawBufferPointer(rebasing: buffer[at..<at + n]).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: rest[0..<n]))
            }
            count += n
            streamLength += UInt64(n)
            rest = UnsafeRawBufferPointer(rebasing: rest[n...])
        }
    }

    /// Lets `produce` write straight into the free tail (delivering a full buffer first) and
    /// returns what it wrote; 0 from `produce` means no data.
    mutating func fill(_ produce: (UnsafeMutableRawBufferPointer) throws -> Int,
                       body: (TextChunk) throws -> Void) throws -> Int {
        if count == storage.count { try deliverAndShift(body) }
        let at = count
        let n = try storage.withUnsafeMutableBytes { buffer in
            try produce(UnsafeMutableRawBufferPointer(rebasing: buffer[at...]))
        }
        precondition(n >= 0 && n <= storage.count - at, "source returned a bad count")
        count += n
        streamLength += UInt64(n)
        return n
    }

    /// Delivers the final chunk (owning to the end) when any byte is still unowned.
    mutating func finish(body: (TextChunk) throws -> Void) throws {
        guard count > ownedStart else { return }
        try deliver(ownedEnd: count, body)
    }

    private mutating func deliverAndShift(_ body: (TextChunk) throws -> Void) throws {
        let ownedEnd = count - lookAhead
        try deliver(ownedEnd: ownedEnd, body)
        let keep = min(count, lookBehind + lookAhead)
        let drop = count - keep
        storage.withUnsafeMutableBytes { buffer in
            newlinesBefore += NewlineCounter.count(UnsafeRawBufferPointer(rebasing: buffer[0..<drop]))
            if keep > 0 { memmove(buffer.baseAddress!, buffer.baseAddress! + drop, keep) }
        }
        streamOffset += UInt64(drop)
        ownedStart = ownedEnd - drop
        count = keep
    }

    private mutating func deliver(ownedEnd: Int, _ body: (TextChunk) throws -> Void) throws {
        let chunkCount = count
        let chunk = (ownedStart, newlinesBefore, streamOffset)
        try storage.withUnsafeBytes { buffer in
            try body(TextChunk(bytes: UnsafeRawBufferPointer(rebasing: buffer[0..<chunkCount]),
                               ownedStart: chunk.0, ownedEnd: ownedEnd,
                               newlinesBefore: chunk.1, streamOffset: chunk.2))
        }
        chunks += 1
    }
}
