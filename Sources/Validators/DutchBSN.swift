/// The Dutch citizen service number (BSN) and its 11-test, shared with old-style VAT numbers.
enum DutchBSN {
    /// True when 9·d1 + 8·d2 + ... + 2·d8 - d9 is divisible by 11.
    static func passesElevenTest(_ d: [Int]) -> Bool {
        d.count == 9 && Checksum.mod(Checksum.weighted(d, [9, 8, 7, 6, 5, 4, 3, 2, -1]), 11) == 0
    }

    /// A BSN: 9 digits, not all zero, passing the 11-test.
    static func isValid(_ text: CodeText) -> Bool {
        guard let d = text.digits(count: 9), d.contains(where: { $0 != 0 }) else { return false }
        return passesElevenTest(d)
    }
}
