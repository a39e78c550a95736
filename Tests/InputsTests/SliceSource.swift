import Glibc
import Inputs

/// A `ByteSource` over bytes, returning reads of the given sizes in turn and optionally failing.
struct SliceSource: ByteSource {
    let bytes: [UInt8]
    var offset = 0
    var sizes: [Int]
    var turn = 0
    /// Throw this error once `offset` reaches `failAt`.
    var failAt: Int?
    var failure: Error = ReadError(errno: EIO, operation: "read", context: "reading test source")

    init(_ bytes: [UInt8], sizes: [Int] = [Int.max], failAt: Int? = nil) {
        self.bytes = bytes
        self.sizes = sizes
        self.failAt = failAt
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if let failAt, offset >= failAt { throw failure }
        var n = min(buffer.count, bytes.count - offset, sizes[turn % sizes.count])
        if let failAt { n = min(n, failAt - offset) }
        turn += 1
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
        offset += n
        return n
    }
}
