/// VAT numbers of Belgium, France, Ireland, Luxembourg, the Netherlands, the UK and Switzerland.
extension VATNumber {
    /// BE: 10 digits starting 0 or 1 (9-digit old numbers get a leading 0); the last two are 97 - (first eight mod 97).
    static func isBE(_ text: CodeText) -> Bool {
        guard var d = text.digits, d.count == 9 || d.count == 10 else { return false }
        if d.count == 9 { d.insert(0, at: 0) }
        guard d[0] <= 1, d.number > 0 else { return false }
        return (d.number(0..<8) + d.number(8..<10)) % 97 == 0
    }

    /// The characters France uses for its two-character key (no I, no O).
    static let frenchKeyAlphabet = Array("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".utf8)

    /// FR: a two-character key and a 9-digit SIREN (Luhn, unless Monaco's 000 block); numeric keys are (SIREN·100 + 12) mod 97.
    static func isFR(_ text: CodeText) -> Bool {
        guard text.count == 11, let siren = text.dropFirst(2).digits,
              let k0 = frenchKeyAlphabet.firstIndex(of: text[0]),
              let k1 = frenchKeyAlphabet.firstIndex(of: text[1])
        else { return false }
        if siren.number(0..<3) != 0, !Checksum.luhn(siren) { return false }
        if k0 < 10, k1 < 10 {
            return k0 * 10 + k1 == (siren.number * 100 + 12) % 97
        }
        let check = k0 < 10 ? k0 * 24 + k1 - 10 : k0 * 34 + k1 - 100
        return (siren.number + 1 + check / 11) % 11 == check % 11
    }

    /// The letters of the Irish check character, by value.
    static let irishAlphabet = Array("WABCDEFGHIJKLMNOPQRSTUV".utf8)

    /// IE: 7 digits, a check letter and an optional second letter; or the old form digit, letter/+/*, 5 digits, check letter.
    static func isIE(_ text: CodeText) -> Bool {
        func letter(_ digits: [Int], extra: Int) -> UInt8 {
            let sum = digits.enumerated().reduce(0) { $0 + (8 - $1.offset) * $1.element } + 9 * extra
            return irishAlphabet[sum % 23]
        }
        if text.count == 8 || text.count == 9, let d = text.slice(0..<7).digits {
            var extra = 0
            if text.count == 9 {
                guard let e = irishAlphabet.firstIndex(of: text[8]) else { return false }
                extra = e
            }
            return letter(d, extra: extra) == text[7]
        }
        guard text.count == 8, CodeText.isDigit(text[0]),
              CodeText.isUpper(text[1]) || text[1] == CodeText.ascii("+") || text[1] == CodeText.ascii("*"),
              let middle = text.slice(2..<7).digits
        else { return false }
        return letter([0] + middle + [Int(text[0] - 48)], extra: 0) == text[7]
    }

    /// LU: 8 digits; the last two are the first six mod 89.
    static func isLU(_ text: CodeText) -> Bool {
        guard let d = text.digits(count: 8) else { return false }
        return d.number(0..<6) % 89 == d.number(6..<8)
    }

    /// NL: 9 digits, B, 2 digits; the 9 digits pass the 11-test (companies) or the whole `NL...` passes MOD 97-10 (sole traders since 2020).
    static func isNL(_ text: CodeText) -> Bool {
        guard text.count == 12, text[9] == CodeText.ascii("B"),
              let body = text.slice(0..<9).digits, let branch = text.slice(10..<12).digits,
              body.number > 0, branch.number > 0
        else { return false }
        return DutchBSN.passesElevenTest(body) || Checksum.mod97(Array("NL".utf8) + text.bytes) == 1
    }

    /// GB: 9 digits (or 12 with a branch suffix) weighted mod 97 = 0, or 42/55 for the newer series; GD/HA government and health numbers.
    static func isGB(_ text: CodeText) -> Bool {
        let isGD = text.hasPrefix("GD"), isHA = text.hasPrefix("HA")
        if text.count == 5, isGD || isHA, let n = text.dropFirst(2).digits?.number {
            return isGD ? n < 500 : n >= 500
        }
        if text.count == 11, isGD || isHA, text.slice(2..<6).string == "8888", let d = text.dropFirst(6).digits {
            let n = d.number(0..<3)
            guard isGD ? n < 500 : n >= 500 else { return false }
            return n % 97 == d.number(3..<5)
        }
        guard let d = text.digits, d.count == 9 || d.count == 12 else { return false }
        let sum = Checksum.weighted(d, [8, 7, 6, 5, 4, 3, 2, 10, 1]) % 97
        return d.number(0..<3) >= 100 ? [0, 42, 55].contains(sum) : sum == 0
    }

    /// The suffixes a Swiss VAT number may carry (German, French, Italian, Romansh).
    static let swissSuffixes = ["MWST", "TVA", "IVA", "TPV"]

    /// CH: the 9-digit UID after CHE, weighted mod 11, with an optional MWST/TVA/IVA/TPV suffix.
    static func isCH(_ text: CodeText) -> Bool {
        var body = text
        if let suffix = swissSuffixes.first(where: { text.count > 9 && text.hasSuffix($0) }) {
            body = text.dropLast(suffix.utf8.count)
        }
        guard let d = body.digits(count: 9) else { return false }
        let check = Checksum.mod(11 - Checksum.weighted(d, [5, 4, 3, 2, 7, 6, 5, 4]), 11)
        return check == d[8]
    }
}
