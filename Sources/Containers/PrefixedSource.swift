import Inputs

/// Replays an already-read prefix, then continues with the underlying source.
public struct PrefixedSource<Base: ByteSource>: ByteSource {
    private let prefix: UnsafeRawBufferPointer
    private var offset = 0
    private var base: Base
    private let baseAtEnd: Bool

    /// `prefix` must stay valid while the source is read; `baseAtEnd` says the base is
    /// known to be exhausted (no read is then made).
    public init(prefix: UnsafeRawBufferPointer, base: Base, baseAtEnd: Bool) {
        self.prefix = prefix
        self.base = base
        self.baseAtEnd = baseAtEnd
    }

    /// Prefix bytes first, then the base's.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if offset < prefix.count {
            let n = min(buffer.count, prefix.count - offset)
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: prefix[offset..<offset + n]))
            offset += n
            return n
        }
        return baseAtEnd ? 0 : try base.read(into: buffer)
    }
}
