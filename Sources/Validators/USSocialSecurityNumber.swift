/// The US Social Security number: area, group and serial with the blocks never issued.
enum USSocialSecurityNumber {
    /// Numbers printed in advertising or on sample cards, then misused by many people (078-05-1120 from a wallet insert, and others).
    static let publicized: Set<Int> = [78_051_120, 219_099_999, 457_555_462, 123_456_789]

    /// True for 9 digits whose area is not 000, 666 or 900-999, group not 00, serial not 0000, and not a publicised number.
    static func isValid(_ text: CodeText) -> Bool {
        guard let d = text.digits(count: 9) else { return false }
        let area = d.number(0..<3), group = d.number(3..<5), serial = d.number(5..<9)
        guard area != 0, area != 666, area < 900, group != 0, serial != 0 else { return false }
        return !publicized.contains(d.number)
    }
}
