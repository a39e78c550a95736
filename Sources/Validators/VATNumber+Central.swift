/// VAT numbers of Austria, Czechia, Germany, Croatia, Hungary, Poland, Slovenia and Slovakia.
extension VATNumber {
    /// AT: U and 8 digits; the last is (6 - Luhn sum of the seven before) mod 10.
    static func isAT(_ text: CodeText) -> Bool {
        guard text.count == 9, text[0] == CodeText.ascii("U"), let d = text.dropFirst(1).digits else { return false }
        return Checksum.mod(6 - Checksum.luhnSum(d[0..<7]), 10) == d[7]
    }

    /// CZ: 8 digits for companies (weighted mod 11), 9 digits starting 6 (special), or a 9/10-digit birth number.
    static func isCZ(_ text: CodeText) -> Bool {
        guard let d = text.digits else { return false }
        switch d.count {
        case 8:
            guard d[0] != 9 else { return false }
            let check = Checksum.mod(11 - Checksum.weighted(d, [8, 7, 6, 5, 4, 3, 2]), 11)
            return (check == 0 ? 1 : check) % 10 == d[7]
        case 9 where d[0] == 6:
            let sum = Checksum.weighted(d[1..<8], [8, 7, 6, 5, 4, 3, 2]) % 11
            return Checksum.mod(8 - (10 - sum) % 11, 10) == d[8]
        case 9, 10:
            return CzechBirthNumber.isValid(d)
        default:
            return false
        }
    }

    /// DE: 9 digits, not starting 0, ISO 7064 MOD 11,10.
    static func isDE(_ text: CodeText) -> Bool {
        guard let d = digitsNoLeadingZero(text, count: 9) else { return false }
        return Checksum.iso7064Mod11_10(d)
    }

    /// HR: the 11-digit OIB, ISO 7064 MOD 11,10.
    static func isHR(_ text: CodeText) -> Bool {
        guard let d = text.digits(count: 11) else { return false }
        return Checksum.iso7064Mod11_10(d)
    }

    /// HU: 8 digits, weights 9 7 3 1, sum mod 10 = 0.
    static func isHU(_ text: CodeText) -> Bool {
        guard let d = text.digits(count: 8) else { return false }
        return Checksum.weighted(d, [9, 7, 3, 1, 9, 7, 3, 1]) % 10 == 0
    }

    /// PL: the 10-digit NIP, weights 6 5 7 2 3 4 5 6 7 -1, sum mod 11 = 0.
    static func isPL(_ text: CodeText) -> Bool {
        guard let d = text.digits(count: 10) else { return false }
        return Checksum.mod(Checksum.weighted(d, [6, 5, 7, 2, 3, 4, 5, 6, 7, -1]), 11) == 0
    }

    /// SI: 8 digits, not starting 0; the last is 11 - (weighted sum mod 11), 10 becoming 0.
    static func isSI(_ text: CodeText) -> Bool {
        guard let d = digitsNoLeadingZero(text, count: 8) else { return false }
        let check = 11 - Checksum.weighted(d, [8, 7, 6, 5, 4, 3, 2]) % 11
        return (check == 10 ? 0 : check) == d[7]
    }

    /// SK: 10 digits divisible by 11 with a legal-entity third digit (2 3 4 7 8 9), or a birth number.
    static func isSK(_ text: CodeText) -> Bool {
        guard let d = text.digits(count: 10) else { return false }
        if CzechBirthNumber.isValid(d) { return true }
        return d[0] != 0 && [2, 3, 4, 7, 8, 9].contains(d[2]) && d.number % 11 == 0
    }
}
