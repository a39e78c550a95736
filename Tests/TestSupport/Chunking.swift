import ScanCore

/// Cuts a text into overlapping chunks the way the reader does, so matcher tests can
/// check exactly-once behaviour at chunk boundaries without touching the file system.
public enum Chunking {
    /// Calls `body` for each chunk of `bytes` with `size` owned bytes and the given overlap.
    public static func forEachChunk(_ bytes: [UInt8], size: Int, lookBehind: Int, lookAhead: Int,
                                    _ body: (TextChunk) -> Void) {
        var ownedStart = 0
        var newlines = 0
        var counted = 0
        while ownedStart < bytes.count || (bytes.isEmpty && ownedStart == 0) {
            let ownedEnd = min(bytes.count, ownedStart + size)
            let lo = max(0, ownedStart - lookBehind)
            let hi = min(bytes.count, ownedEnd + lookAhead)
            while counted < lo { if bytes[counted] == 10 { newlines += 1 }; counted += 1 }
            bytes[lo..<hi].withUnsafeBytes { raw in
                body(TextChunk(bytes: raw, ownedStart: ownedStart - lo, ownedEnd: ownedEnd - lo,
                               newlinesBefore: newlines, streamOffset: UInt64(lo)))
            }
            if bytes.isEmpty { break }
            ownedStart = ownedEnd
        }
    }
}
