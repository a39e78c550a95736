/// The German tax identification number (Steuerliche Identifikationsnummer, IdNr).
enum GermanTaxID {
    /// True for 11 digits, not starting 0, whose first ten repeat exactly one digit (twice, or three times but
    /// never three in a row, as the rule in force since 2016 says), with an ISO 7064 MOD 11,10 check digit.
    static func isValid(_ text: CodeText) -> Bool {
        guard let d = text.digits(count: 11), d[0] != 0 else { return false }
        var counts = [Int](repeating: 0, count: 10)
        for digit in d[0..<10] { counts[digit] += 1 }
        let repeated = counts.indices.filter { counts[$0] > 1 }
        guard repeated.count == 1, let digit = repeated.first, counts[digit] <= 3 else { return false }
        if counts[digit] == 3 {
            for i in 0..<8 where d[i] == digit && d[i + 1] == digit && d[i + 2] == digit {
                return false
            }
        }
        return Checksum.iso7064Mod11_10(d)
    }
}
