/// Counts `\n` bytes eight at a time (exact SWAR zero-byte count on `word ^ 0x0A0A...`).
public enum NewlineCounter {
    /// Number of 0x0A bytes in `bytes`.
    public static func count(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let n = bytes.count
        var total = 0
        var i = 0
        let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        while i + 8 <= n {
            let x = base.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ newlines
            // A byte of `x` is zero exactly when its high bit ends up set in `t`.
            let t = ~(((x & low7) &+ low7) | x | low7)
            total &+= t.nonzeroBitCount
            i += 8
        }
        while i < n {
            if base.load(fromByteOffset: i, as: UInt8.self) == 0x0A { total += 1 }
            i += 1
        }
        return total
    }
}
