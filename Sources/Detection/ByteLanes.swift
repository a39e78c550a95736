/// Eight bytes at a time ("SWAR"): tests on every byte of a `UInt64` at once.
enum ByteLanes {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let high: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each byte of `x` whose low seven bits lie strictly between `m` and
    /// `n` (both below 128) and whose own high bit equals `highSet` ("hasbetween", Bit
    /// Twiddling Hacks: the lanes are seven bits wide, so nothing carries between bytes).
    @inline(__always)
    static func between(_ x: UInt64, _ m: UInt64, _ n: UInt64, highSet: Bool = false) -> UInt64 {
        let low7 = x & (ones &* 127)
        return ((ones &* (127 + n)) &- low7) & (highSet ? x : ~x) & (low7 &+ ones &* (127 - m)) & high
    }
}
