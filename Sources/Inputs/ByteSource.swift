/// A stream of raw bytes the reader can decode and chunk: a file, later an archive member.
public protocol ByteSource {
    /// Reads up to `buffer.count` bytes into `buffer` and returns how many; 0 means the end.
    /// Throws (preferably a `ReadError`) when the source fails.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}
