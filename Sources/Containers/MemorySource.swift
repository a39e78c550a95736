import Inputs

/// Reads an in-memory buffer.
public struct MemorySource: ByteSource {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    /// A source over `bytes` (kept valid by the caller).
    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
    /// Copies the next bytes.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, bytes.count - offset)
        if n > 0 { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n])) }
        offset += n
        return n
    }
}
