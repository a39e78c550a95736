/// The Czech and Slovak birth number (rodné číslo): YYMMDD plus a 3-digit serial and, since 1954, a check digit.
enum CzechBirthNumber {
    /// True for a 9-digit number born before 1954, or a 10-digit one divisible as the rule says, with a real birth date.
    static func isValid(_ d: [Int]) -> Bool {
        guard d.count == 9 || d.count == 10 else { return false }
        var year = 1900 + d.number(0..<2)
        // Women have 50 added to the month; 20 is added when a day's serials run out (since 2004).
        let month = d.number(2..<4) % 50 % 20
        let day = d.number(4..<6)
        if d.count == 9 {
            if year >= 1980 { year -= 100 }
            if year > 1953 { return false }
        } else if year < 1954 {
            year += 100
        }
        guard Checksum.isDate(year: year, month: month, day: day) else { return false }
        return d.count == 9 || d.number(0..<9) % 11 % 10 == d[9]
    }
}
