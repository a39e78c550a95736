import ScanCore

/// What one read of an object came to: bytes, encoding, chunks and the final status.
public struct ReadResult: Sendable, Hashable {
    /// Bytes read from the source, before decoding.
    public var bytesRead: UInt64
    /// Bytes of decoded UTF-8 text delivered (the stream length).
    public var decodedBytes: UInt64
    /// Chunks delivered to the body.
    public var chunks: Int
    /// The encoding decided from the sample; nil when the content is binary.
    public var encoding: TextEncoding?
    /// `complete`, `partial(io: ...)` after a read error midway, or `skipped(binary|fifo|...)`.
    public var status: ObjectStatus

    /// Creates a result.
    public init(bytesRead: UInt64 = 0, decodedBytes: UInt64 = 0, chunks: Int = 0,
                encoding: TextEncoding? = nil, status: ObjectStatus = .complete) {
        self.bytesRead = bytesRead
        self.decodedBytes = decodedBytes
        self.chunks = chunks
        self.encoding = encoding
        self.status = status
    }

    /// Whether the content was judged binary and nothing was delivered.
    public var isBinary: Bool { status == .skipped(StatusReason.binary) }
}
