import Glibc
import Inputs

/// The content of one object as a handler receives it.
public enum ObjectData {
    /// A top-level file, open; handlers read from offset 0 (seeking is allowed).
    case file(ReadOnlyFile, size: UInt64)
    /// A member or part already in memory.
    case memory(OwnedBytes)

    /// Size in bytes.
    public var size: UInt64 {
        switch self {
        case .file(_, let size): return size
        case .memory(let b): return UInt64(b.count)
        }
    }

    /// The whole content in memory: memory as is; a file read from offset 0 when it is at
    /// most `limit` bytes (nil when larger). Throws a `ReadError` on I/O failure.
    public func loadAll(limit: Int) throws -> OwnedBytes? {
        switch self {
        case .memory(let b): return b
        case .file(let f, let size):
            guard size <= UInt64(limit) else { return nil }
            _ = lseek(f.fd, 0, SEEK_SET)
            var source = f
            return try OwnedBytes.read(from: &source, limit: limit, sizeHint: Int(size))
        }
    }
}
