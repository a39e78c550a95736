import Foundation
import Crypto
import ScanCore

/// SHA-256 over the text the detector sees, hashed while it is read (never a second read).
struct ContentDigest {
    private var hasher = SHA256()

    /// Adds the bytes a chunk owns (overlap context is hashed by the chunk that owns it).
    mutating func update(_ chunk: TextChunk) {
        guard chunk.ownedEnd > chunk.ownedStart else { return }
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: chunk.bytes[chunk.ownedStart..<chunk.ownedEnd]))
    }

    /// `sha256:<hex>`.
    func finish() -> String { "sha256:" + ContentDigest.hex(hasher.finalize()) }

    /// Lowercase hex (String(format:) per byte costs more than the hash itself).
    static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
