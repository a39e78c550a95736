/// The Swedish personal identity number (personnummer) and coordination number (samordningsnummer).
enum SwedishPersonnummer {
    /// True for YYMMDDNNNC or YYYYMMDDNNNC (the +/- already stripped) with a real date
    /// (day + 60 for coordination numbers) and a Luhn check digit over the 10-digit form.
    static func isValid(_ text: CodeText) -> Bool {
        guard let d = text.digits, d.count == 10 || d.count == 12 else { return false }
        let short = Array(d.suffix(10))
        var day = short.number(4..<6)
        if day > 60 { day -= 60 }
        let month = short.number(2..<4)
        if d.count == 12 {
            let year = d.number(0..<4)
            guard (1800...2099).contains(year), Checksum.isDate(year: year, month: month, day: day) else { return false }
        } else {
            // The century is not written; a date is real when it is real in either 19YY or 20YY.
            let yy = short.number(0..<2)
            guard Checksum.isDate(year: 1900 + yy, month: month, day: day)
                || Checksum.isDate(year: 2000 + yy, month: month, day: day)
            else { return false }
        }
        return Checksum.luhn(short)
    }
}
