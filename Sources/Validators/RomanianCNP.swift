/// The Romanian personal numeric code (CNP): sex/century digit, birth date, county, serial, check digit.
enum RomanianCNP {
    /// County codes in use (01-46 counties and Bucharest sectors, 47-48 former sectors, 51-52, 70 any, 80-83 foreigners).
    static let counties: Set<Int> = Set(1...48).union([51, 52, 70, 80, 81, 82, 83])

    /// True for 13 digits with a known first digit, a real birth date, a known county and the weighted mod 11 check digit (10 becoming 1).
    static func isValid(_ d: [Int]) -> Bool {
        guard d.count == 13, d[0] != 0 else { return false }
        let century: Int
        switch d[0] {
        case 3, 4: century = 1800
        case 5, 6: century = 2000
        default: century = 1900
        }
        guard Checksum.isDate(year: century + d.number(1..<3), month: d.number(3..<5), day: d.number(5..<7)),
              counties.contains(d.number(7..<9))
        else { return false }
        let check = Checksum.weighted(d, [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]) % 11
        return (check == 10 ? 1 : check) == d[12]
    }
}
