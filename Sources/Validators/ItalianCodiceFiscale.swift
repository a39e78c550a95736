/// The Italian fiscal code (codice fiscale) of a person, with omocodia substitutions, or the 11-digit numeric form.
enum ItalianCodiceFiscale {
    /// Letters that replace digits 0-9 in the numeric positions when two people would share a code (omocodia).
    static let omocodia = Array("LMNPQRSTUV".utf8)

    /// Month letters A (January) to T (December).
    static let months = Array("ABCDEHLMPRST".utf8)

    /// Values of characters in odd (1st, 3rd, ...) positions, indexed by digit value or letter index.
    static let oddValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]

    /// Positions holding digits (or their omocodia letters): year, day, and the municipality's number.
    static let numericPositions: Set<Int> = [6, 7, 9, 10, 12, 13, 14]

    /// The digit a numeric-position character stands for, or nil.
    static func digitValue(_ c: UInt8) -> Int? {
        if CodeText.isDigit(c) { return Int(c - 48) }
        return omocodia.firstIndex(of: c)
    }

    /// The value of a digit or letter: 0-9 for digits, 0-25 for A-Z.
    static func index(_ c: UInt8) -> Int { CodeText.isDigit(c) ? Int(c - 48) : Int(c - 65) }

    /// True for 16 characters of the right shape, a real birth date and the right control letter; or an 11-digit partita IVA.
    static func isValid(_ text: CodeText) -> Bool {
        if text.count == 11 { return VATNumber.isIT(text) }
        guard text.count == 16 else { return false }
        for (i, c) in text.bytes.enumerated() {
            if numericPositions.contains(i) {
                guard digitValue(c) != nil else { return false }
            } else {
                guard CodeText.isUpper(c) else { return false }
            }
        }
        guard let monthIndex = months.firstIndex(of: text[8]) else { return false }
        let value = { (i: Int) in digitValue(text[i]) ?? 0 }
        let yy = value(6) * 10 + value(7)
        // Women have 40 added to the day. Years read as 1920-2019, as python-stdnum does.
        let day = (value(9) * 10 + value(10)) % 40
        guard Checksum.isDate(year: yy < 20 ? 2000 + yy : 1900 + yy, month: monthIndex + 1, day: day) else { return false }
        var sum = 0
        for i in 0..<15 {
            let v = index(text[i])
            sum += i % 2 == 0 ? oddValues[v] : v
        }
        return text[15] == UInt8(65 + sum % 26)
    }
}
