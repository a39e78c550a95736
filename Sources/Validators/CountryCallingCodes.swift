/// The assigned ITU-T E.164 country calling codes (1-3 digits, prefix-free), including the non-geographic ones.
///
/// The tables (`nationalLengths`, `trunkZero`) are generated into `CountryCallingCodes+Data.swift`.
enum CountryCallingCodes {
    /// Longest E.164 number, calling code included (ITU-T E.164 section 6).
    static let maxDigits = 15

    /// The calling code `digits` start with, if any (codes are prefix-free, so at most one fits).
    static func code(startingWith digits: ArraySlice<UInt8>) -> String? {
        var text = ""
        for d in digits.prefix(3) {
            text.append(Character(Unicode.Scalar(d + 48)))
            if nationalLengths[text] != nil { return text }
        }
        return nil
    }

    /// True when a national number of `count` digits fits the country behind `code` and E.164's limit.
    static func fits(_ code: String, nationalDigits count: Int) -> Bool {
        guard let lengths = nationalLengths[code] else { return false }
        return lengths.contains(count) && code.utf8.count + count <= maxDigits
    }

    /// Parses `code:min-max` (or `code:n`) items separated by spaces.
    static func table(_ spec: String) -> [String: ClosedRange<Int>] {
        var out: [String: ClosedRange<Int>] = [:]
        for item in spec.split(separator: " ") {
            let parts = item.split(separator: ":")
            let bounds = parts[1].split(separator: "-").compactMap { Int($0) }
            out[String(parts[0])] = bounds[0]...bounds[bounds.count - 1]
        }
        return out
    }
}
