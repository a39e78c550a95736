/// Bulgarian personal numbers that double as 10-digit VAT numbers: the EGN (citizens) and the PNF (foreigners).
enum BulgarianPersonalNumber {
    /// EGN: a real birth date YYMMDD (month +20 for the 1800s, +40 for the 2000s) and a weighted mod 11 check digit.
    static func isEGN(_ d: [Int]) -> Bool {
        guard d.count == 10 else { return false }
        var year = 1900 + d.number(0..<2)
        var month = d.number(2..<4)
        if month > 40 {
            year += 100
            month -= 40
        } else if month > 20 {
            year -= 100
            month -= 20
        }
        guard Checksum.isDate(year: year, month: month, day: d.number(4..<6)) else { return false }
        return Checksum.weighted(d, [2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11 % 10 == d[9]
    }

    /// PNF: 10 digits with a weighted mod 10 check digit.
    static func isPNF(_ d: [Int]) -> Bool {
        d.count == 10 && Checksum.weighted(d, [21, 19, 17, 13, 11, 9, 7, 3, 1]) % 10 == d[9]
    }
}
