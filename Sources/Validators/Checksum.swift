/// The check-digit arithmetic several identifiers share.
enum Checksum {
    /// `value mod modulus` in 0..<modulus, also for negative values.
    static func mod(_ value: Int, _ modulus: Int) -> Int {
        let r = value % modulus
        return r < 0 ? r + modulus : r
    }

    /// The Luhn sum mod 10 (rightmost digit not doubled); 0 for a valid number.
    static func luhnSum<C: BidirectionalCollection>(_ digits: C) -> Int where C.Element == Int {
        var sum = 0
        for (i, d) in digits.reversed().enumerated() {
            if i % 2 == 0 {
                sum += d
            } else {
                let twice = d * 2
                sum += twice > 9 ? twice - 9 : twice
            }
        }
        return sum % 10
    }

    /// True when the digits (check digit last, at least two of them) pass the Luhn test.
    static func luhn(_ digits: [Int]) -> Bool {
        digits.count >= 2 && luhnSum(digits) == 0
    }

    /// The Luhn check digit to append to `body`.
    static func luhnCheckDigit(_ body: [Int]) -> Int {
        mod(10 - luhnSum(body + [0]), 10)
    }

    /// Sum of digit times weight over the shorter of the two.
    static func weighted(_ digits: ArraySlice<Int>, _ weights: [Int]) -> Int {
        zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Sum of digit times weight over the shorter of the two.
    static func weighted(_ digits: [Int], _ weights: [Int]) -> Int {
        weighted(digits[...], weights)
    }

    /// ISO 7064 MOD 11,10 over the digits, check digit last: true when valid.
    static func iso7064Mod11_10(_ digits: [Int]) -> Bool {
        var check = 5
        for d in digits {
            check = ((check == 0 ? 10 : check) * 2 % 11 + d) % 10
        }
        return check == 1
    }

    /// The remainder mod 97 of the number spelt by the characters, letters counting A=10 ... Z=35 (ISO 7064 MOD 97-10); nil for other characters.
    static func mod97<S: Sequence>(_ characters: S) -> Int? where S.Element == UInt8 {
        var r = 0
        for c in characters {
            if CodeText.isDigit(c) {
                r = (r * 10 + Int(c - 48)) % 97
            } else if CodeText.isUpper(c) {
                r = (r * 100 + Int(c - 55)) % 97
            } else {
                return nil
            }
        }
        return r
    }

    /// True when the year/month/day form a real Gregorian date.
    static func isDate(year: Int, month: Int, day: Int) -> Bool {
        guard month >= 1, month <= 12, day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}
