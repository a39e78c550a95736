/// The Portuguese tax number (NIF, and NIPC for organisations): 9 digits, mod 11 check digit.
enum PortugueseNIF {
    /// Leading digits given to individuals: residents 1, 2, 3 and non-residents 45.
    static let personPrefixes = ["1", "2", "3", "45"]

    /// Every issued leading block: people, companies (5), public bodies (6), estates and funds (70-79),
    /// sole traders (8), condominiums (90, 91), non-resident entities (98) and civil societies (99).
    static let allPrefixes = personPrefixes + ["5", "6", "70", "71", "72", "74", "75", "77", "79", "8", "90", "91", "98", "99"]

    /// True when `text` is 9 digits beginning with one of `prefixes` and its check digit is (11 - weighted sum mod 11) mod 11 mod 10.
    static func isValid(_ text: CodeText, prefixes: [String]) -> Bool {
        guard let d = text.digits(count: 9), prefixes.contains(where: text.hasPrefix) else { return false }
        let sum = Checksum.weighted(d, [9, 8, 7, 6, 5, 4, 3, 2])
        return (11 - sum % 11) % 11 % 10 == d[8]
    }
}
