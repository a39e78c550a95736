/// The UK National Insurance number: two prefix letters, six digits, a suffix A-D.
enum UKNationalInsuranceNumber {
    /// Letters never used in either prefix position.
    static let neverUsed = Set("DFIQUV".utf8)

    /// Prefixes never allocated (BG, GB, NK, KN, TN, NT, ZZ).
    static let disallowedPrefixes: Set<String> = ["BG", "GB", "NK", "KN", "TN", "NT", "ZZ"]

    /// True for a valid prefix (no D F I Q U V, no O second, not a disallowed pair), 6 digits and A, B, C or D.
    static func isValid(_ text: CodeText) -> Bool {
        guard text.count == 9, CodeText.isUpper(text[0]), CodeText.isUpper(text[1]),
              !neverUsed.contains(text[0]), !neverUsed.contains(text[1]), text[1] != CodeText.ascii("O"),
              !disallowedPrefixes.contains(text.slice(0..<2).string),
              text.slice(2..<8).isAllDigits
        else { return false }
        return (CodeText.ascii("A")...CodeText.ascii("D")).contains(text[8])
    }
}
