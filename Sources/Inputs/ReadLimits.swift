/// Chunk size and overlap of the reader.
///
/// Memory of one read is about `chunkSize + lookBehind + lookAhead` bytes of decoded text,
/// plus a 64 KiB sample and, for transcoded encodings, a 192 KiB staging buffer.
public struct ReadLimits: Sendable, Hashable {
    /// Decoded bytes each chunk owns (about; at least 1).
    public var chunkSize: Int
    /// Bytes of context kept before the owned range (at least 0).
    public var lookBehind: Int
    /// Bytes of context kept after the owned range (at least 0).
    public var lookAhead: Int

    /// Creates limits; negative or zero sizes are raised to their minimum.
    public init(chunkSize: Int = 1 << 20, lookBehind: Int = 256, lookAhead: Int = 1024) {
        self.chunkSize = max(1, chunkSize)
        self.lookBehind = max(0, lookBehind)
        self.lookAhead = max(0, lookAhead)
    }

    /// The largest buffer a chunk can have: `chunkSize + lookBehind + lookAhead`.
    public var maxChunkBytes: Int { chunkSize + lookBehind + lookAhead }
}
