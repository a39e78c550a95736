import ScanCore

/// Cuts text that is already UTF-8 (extracted from a document, decoded from a MIME part)
/// into overlapping `TextChunk`s with the same overlap rules as `ChunkedReader`.
///
/// Append pieces as they are produced; each full buffer goes to `body`; `finish` delivers
/// the rest. Memory is bounded by `limits.maxChunkBytes` whatever the text length.
public struct TextChunker {
    private var assembler: ChunkAssembler

    /// An empty chunker.
    public init(limits: ReadLimits) { assembler = ChunkAssembler(limits: limits) }

    /// Appends UTF-8 bytes; throws what `body` throws.
    public mutating func append(_ bytes: UnsafeRawBufferPointer, body: (TextChunk) throws -> Void) throws {
        try assembler.append(bytes, body: body)
    }

    /// Appends a string's UTF-8; throws what `body` throws.
    public mutating func append(_ text: String, body: (TextChunk) throws -> Void) throws {
        var text = text
        try text.withUTF8 { try assembler.append(UnsafeRawBufferPointer($0), body: body) }
    }

    /// Delivers the last chunk.
    public mutating func finish(body: (TextChunk) throws -> Void) throws {
        try assembler.finish(body: body)
    }

    /// Decoded bytes taken in so far.
    public var length: UInt64 { assembler.streamLength }
}
