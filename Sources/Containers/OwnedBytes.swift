import Glibc
import Inputs

/// Bytes held in memory by one owner, immutable once built; C readers may keep pointers
/// into them while the owner lives.
public final class OwnedBytes: @unchecked Sendable {
    // @unchecked Sendable: the storage is written only during init and never after.
    /// The bytes.
    public let buffer: UnsafeRawBufferPointer

    /// Copies `bytes`.
    public convenience init(_ bytes: [UInt8]) {
        self.init(count: bytes.count) { dst in bytes.withUnsafeBytes { dst.copyMemory(from: $0) }; return bytes.count }
    }

    /// Allocates `count` bytes and lets `fill` write them; keeps the first `fill` returns.
    public init(count: Int, fill: (UnsafeMutableRawBufferPointer) throws -> Int) rethrows {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, count), alignment: 16)
        do {
            let n = try fill(UnsafeMutableRawBufferPointer(rebasing: storage[0..<count]))
            buffer = UnsafeRawBufferPointer(rebasing: storage[0..<min(n, count)])
        } catch {
            storage.deallocate()
            throw error
        }
    }

    /// Takes over an allocation (used by the growing reader).
    init(adopting storage: UnsafeMutableRawBufferPointer, count: Int) {
        buffer = UnsafeRawBufferPointer(rebasing: storage[0..<count])
    }

    deinit { UnsafeMutableRawBufferPointer(mutating: buffer).baseAddress.map { $0.deallocate() } }

    /// Number of bytes.
    public var count: Int { buffer.count }
}

extension OwnedBytes {
    /// Reads a source to its end into memory; nil when it holds more than `limit` bytes.
    public static func read(from source: inout some ByteSource, limit: Int, sizeHint: Int = 64 * 1024) throws -> OwnedBytes? {
        var capacity = max(4096, min(sizeHint + 1, limit + 1))
        var storage = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        var count = 0
        while true {
            if count == capacity {
                if capacity > limit { storage.deallocate(); return nil }
                let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: min(capacity * 2, limit + 1), alignment: 16)
                bigger.copyMemory(from: UnsafeRawBufferPointer(storage))
                storage.deallocate()
                storage = bigger
                capacity = bigger.count
            }
            let n: Int
            do { n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: storage[count...])) } catch {
                storage.deallocate()
                throw error
            }
            if n == 0 { break }
            count += n
        }
        if count > limit { storage.deallocate(); return nil }
        return OwnedBytes(adopting: storage, count: count)
    }
}
