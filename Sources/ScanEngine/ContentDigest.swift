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
    func finish() -> String {
        "sha256:" + hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
