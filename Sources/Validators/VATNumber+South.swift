/// VAT numbers of Bulgaria, Cyprus, Greece, Spain, Italy, Malta, Portugal and Romania.
extension VATNumber {
    /// BG: 9 digits for companies (two-pass weighted mod 11), or 10 digits: an EGN, a PNF, or other weighted mod 11.
    static func isBG(_ text: CodeText) -> Bool {
        guard let d = text.digits else { return false }
        if d.count == 9 {
            var check = d[0..<8].enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element } % 11
            if check == 10 {
                check = d[0..<8].enumerated().reduce(0) { $0 + ($1.offset + 3) * $1.element } % 11
            }
            return check % 10 == d[8]
        }
        guard d.count == 10 else { return false }
        if BulgarianPersonalNumber.isEGN(d) || BulgarianPersonalNumber.isPNF(d) { return true }
        return Checksum.mod(11 - Checksum.weighted(d, [4, 3, 2, 7, 6, 5, 4, 3, 2]), 11) == d[9]
    }

    /// CY: 8 digits (not starting 12) and a check letter from a translated sum mod 26.
    static func isCY(_ text: CodeText) -> Bool {
        guard text.count == 9, let d = text.slice(0..<8).digits, !(d[0] == 1 && d[1] == 2) else { return false }
        let translated = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21]
        var sum = 0
        for (i, digit) in d.enumerated() {
            sum += i % 2 == 0 ? translated[digit] : digit
        }
        return text[8] == UInt8(65 + sum % 26)
    }

    /// EL: 9 digits (8-digit old numbers get a leading 0); the last is the doubled running sum mod 11 mod 10.
    static func isEL(_ text: CodeText) -> Bool {
        guard var d = text.digits, d.count == 8 || d.count == 9 else { return false }
        if d.count == 8 { d.insert(0, at: 0) }
        let sum = d[0..<8].reduce(0) { $0 * 2 + $1 }
        return sum * 2 % 11 % 10 == d[8]
    }

    /// ES: a NIF in any of its forms: DNI, NIE, K/L/M numbers, or a company CIF.
    static func isES(_ text: CodeText) -> Bool {
        SpanishTaxID.isNIF(text)
    }

    /// IT: the 11-digit partita IVA: a non-zero serial, a known province office, Luhn.
    static func isIT(_ text: CodeText) -> Bool {
        guard let d = text.digits(count: 11), d.number(0..<7) != 0 else { return false }
        let office = d.number(7..<10)
        guard (1...100).contains(office) || [120, 121, 888, 999].contains(office) else { return false }
        return Checksum.luhn(d)
    }

    /// MT: 8 digits, not starting 0, weights 3 4 6 7 8 9 10 1, sum mod 37 = 0.
    static func isMT(_ text: CodeText) -> Bool {
        guard let d = digitsNoLeadingZero(text, count: 8) else { return false }
        return Checksum.weighted(d, [3, 4, 6, 7, 8, 9, 10, 1]) % 37 == 0
    }

    /// PT: a 9-digit NIF with any issued leading digits and its mod 11 check digit.
    static func isPT(_ text: CodeText) -> Bool {
        PortugueseNIF.isValid(text, prefixes: PortugueseNIF.allPrefixes)
    }

    /// RO: a CUI of 2-10 digits (weighted mod 11 over the zero-padded body), or a 13-digit CNP.
    static func isRO(_ text: CodeText) -> Bool {
        guard let d = text.digits else { return false }
        if d.count == 13 { return RomanianCNP.isValid(d) }
        guard (2...10).contains(d.count), d[0] != 0 else { return false }
        let body = Array(repeating: 0, count: 10 - d.count) + d.dropLast()
        return 10 * Checksum.weighted(body, [7, 5, 3, 2, 1, 7, 5, 3, 2]) % 11 % 10 == d.last
    }
}
