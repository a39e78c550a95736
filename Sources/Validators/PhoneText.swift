/// A phone number as written, reduced to its digits and the few marks that matter for parsing.
struct PhoneText: Sendable {
    /// Longest raw text looked at; phone numbers with generous formatting stay well under it.
    static let maxScalars = 48

    /// The digits in order, as values 0-9.
    let digits: [UInt8]
    /// True when the text starts with `+` (the international form).
    let plus: Bool
    /// Lengths of the runs of digits between separators, for spotting dates.
    let groups: [Int]
    /// The separators that occur between digit runs.
    let separators: Set<Unicode.Scalar>

    /// Separators people put inside phone numbers: spaces (also no-break and thin), dots, dashes, slashes, parentheses.
    static let allowed: Set<Unicode.Scalar> = [
        " ", "\t", ".", "-", "/", "(", ")", "\u{00A0}", "\u{2009}", "\u{202F}", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}",
    ]

    /// Reads `raw`; nil when it holds anything but digits, the separators above and one leading `+`.
    init?(_ raw: String) {
        var digits: [UInt8] = []
        var plus = false
        var groups: [Int] = []
        var separators: Set<Unicode.Scalar> = []
        var run = 0
        var depth = 0
        var scalars = 0
        for s in raw.unicodeScalars {
            scalars += 1
            guard scalars <= Self.maxScalars else { return nil }
            if s.value >= 48 && s.value <= 57 {
                digits.append(UInt8(s.value - 48))
                run += 1
            } else if s == "+" {
                guard digits.isEmpty, !plus else { return nil }
                plus = true
            } else if Self.allowed.contains(s) {
                if s == "(" { depth += 1 }
                if s == ")" {
                    depth -= 1
                    guard depth >= 0 else { return nil }
                }
                if run > 0 {
                    groups.append(run)
                    run = 0
                }
                if !digits.isEmpty, s != "(", s != ")" { separators.insert(s) }
            } else {
                return nil
            }
        }
        guard depth == 0, !digits.isEmpty else { return nil }
        if run > 0 { groups.append(run) }
        self.digits = digits
        self.plus = plus
        self.groups = groups
        self.separators = separators
    }

    /// True when the text reads as a calendar date (2024-03-01, 01.03.2024, 3/1/24) rather than a phone number.
    var looksLikeDate: Bool {
        guard !plus, groups.count == 3, separators.count == 1,
              let sep = separators.first, [".", "-", "/"].contains(sep)
        else { return false }
        let yearFirst = groups == [4, 2, 2]
        guard yearFirst || (groups[0] <= 2 && groups[1] <= 2 && (groups[2] == 2 || groups[2] == 4)) else { return false }
        let v = Self.split(digits, groups)
        let dayMonth = { (day: Int, month: Int) in (1...31).contains(day) && (1...12).contains(month) }
        let year = { (y: Int) in (1900...2099).contains(y) }
        if yearFirst { return year(v[0]) && dayMonth(v[2], v[1]) }
        if groups[2] == 4, !year(v[2]) { return false }
        return dayMonth(v[0], v[1]) || dayMonth(v[1], v[0])
    }

    /// True when the text reads as a dotted IPv4 address (four runs of 1-3 digits joined by dots), in range or not.
    var looksLikeIPv4: Bool {
        !plus && separators == ["."] && groups.count == 4 && groups.allSatisfy { $0 <= 3 }
    }

    /// The numbers spelt by consecutive runs of `digits` of the given lengths.
    static func split(_ digits: [UInt8], _ lengths: [Int]) -> [Int] {
        var out: [Int] = []
        var i = 0
        for n in lengths {
            out.append(digits[i..<(i + n)].reduce(0) { $0 * 10 + Int($1) })
            i += n
        }
        return out
    }
}
