/// A window of decoded UTF-8 text handed to the matcher.
///
/// Consecutive chunks of one stream overlap: bytes before `ownedStart` were owned by the
/// previous chunk and are there only as look-behind context; bytes from `ownedEnd` on
/// belong to the next chunk and are there only as look-ahead. A match is reported by the
/// chunk that owns its first byte, so a match across a boundary is found exactly once.
public struct TextChunk {
    /// The UTF-8 bytes (possibly with invalid sequences).
    public var bytes: UnsafeRawBufferPointer
    /// First byte offset this chunk owns.
    public var ownedStart: Int
    /// One past the last byte offset this chunk owns.
    public var ownedEnd: Int
    /// Number of `\n` bytes in the decoded stream before `bytes[0]`.
    public var newlinesBefore: Int
    /// Offset of `bytes[0]` in the decoded stream.
    public var streamOffset: UInt64

    /// Creates a chunk view.
    public init(bytes: UnsafeRawBufferPointer, ownedStart: Int, ownedEnd: Int,
                newlinesBefore: Int, streamOffset: UInt64) {
        self.bytes = bytes
        self.ownedStart = ownedStart
        self.ownedEnd = ownedEnd
        self.newlinesBefore = newlinesBefore
        self.streamOffset = streamOffset
    }
}
