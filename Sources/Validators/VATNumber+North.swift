/// VAT numbers of Denmark, Estonia, Finland, Lithuania, Latvia, Norway and Sweden.
extension VATNumber {
    /// DK: the 8-digit CVR, not starting 0, weights 2 7 6 5 4 3 2 1, sum mod 11 = 0.
    static func isDK(_ text: CodeText) -> Bool {
        guard let d = digitsNoLeadingZero(text, count: 8) else { return false }
        return Checksum.weighted(d, [2, 7, 6, 5, 4, 3, 2, 1]) % 11 == 0
    }

    /// EE: the 9-digit KMKR, weights 3 7 1, sum mod 10 = 0.
    static func isEE(_ text: CodeText) -> Bool {
        guard let d = text.digits(count: 9) else { return false }
        return Checksum.weighted(d, [3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 == 0
    }

    /// FI: the 8-digit ALV, weights 7 9 10 5 8 4 2 1, sum mod 11 = 0.
    static func isFI(_ text: CodeText) -> Bool {
        guard let d = text.digits(count: 8) else { return false }
        return Checksum.weighted(d, [7, 9, 10, 5, 8, 4, 2, 1]) % 11 == 0
    }

    /// LT: 9 digits (legal entities, 8th digit 1) or 12 (11th digit 1) with a two-pass weighted mod 11 check digit.
    static func isLT(_ text: CodeText) -> Bool {
        guard let d = text.digits, (d.count == 9 && d[7] == 1) || (d.count == 12 && d[10] == 1) else { return false }
        let body = d.dropLast()
        var check = body.enumerated().reduce(0) { $0 + (1 + $1.offset % 9) * $1.element } % 11
        if check == 10 {
            check = body.enumerated().reduce(0) { $0 + (1 + ($1.offset + 2) % 9) * $1.element }
        }
        return check % 11 % 10 == d.last
    }

    /// LV: 11 digits; companies (first digit above 3) weighted mod 11 = 3; people by birth date or the 32 series, with their own check digit.
    static func isLV(_ text: CodeText) -> Bool {
        guard let d = text.digits(count: 11) else { return false }
        if d[0] > 3 {
            return Checksum.weighted(d, [9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1]) % 11 == 3
        }
        if !(d[0] == 3 && d[1] == 2) {
            let year = 1800 + d[6] * 100 + d.number(4..<6)
            guard Checksum.isDate(year: year, month: d.number(2..<4), day: d.number(0..<2)) else { return false }
        }
        let check = 1 + Checksum.weighted(d, [10, 5, 8, 4, 2, 1, 6, 3, 7, 9])
        return check % 11 % 10 == d[10]
    }

    /// NO: the 9-digit organisation number (weights 3 2 7 6 5 4 3 2 1, mod 11 = 0), with or without the MVA suffix.
    static func isNO(_ text: CodeText) -> Bool {
        let body = text.count == 12 && text.hasSuffix("MVA") ? text.dropLast(3) : text
        guard let d = body.digits(count: 9) else { return false }
        return Checksum.weighted(d, [3, 2, 7, 6, 5, 4, 3, 2, 1]) % 11 == 0
    }

    /// SE: a 10-digit organisation or personal number passing Luhn, then 01.
    static func isSE(_ text: CodeText) -> Bool {
        guard let d = text.digits(count: 12), d[10] == 0, d[11] == 1 else { return false }
        return Checksum.luhn(Array(d[0..<10]))
    }
}
