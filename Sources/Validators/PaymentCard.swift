/// Card-style numbers checked with Luhn: bare Luhn, payment cards by issuer range, IMEI.
enum PaymentCard {
    /// A block of issuer identification numbers and the card lengths issued in it.
    struct IssuerRange: Sendable {
        /// The scheme, for reading the table.
        let scheme: String
        /// How many leading digits `low` and `high` compare against.
        let prefixDigits: Int
        /// Lowest prefix in the block.
        let low: Int
        /// Highest prefix in the block.
        let high: Int
        /// Card lengths issued in the block.
        let lengths: Set<Int>

        /// A block from `low` to `high` (compared on as many leading digits as `low` has) with the given lengths.
        init(_ scheme: String, _ low: Int, _ high: Int, _ lengths: Set<Int>) {
            self.scheme = scheme
            self.low = low
            self.high = high
            self.prefixDigits = String(low).count
            self.lengths = lengths
        }

        /// A block whose card lengths form a range.
        init(_ scheme: String, _ low: Int, _ high: Int, _ lengths: ClosedRange<Int>) {
            self.init(scheme, low, high, Set(lengths))
        }

        /// True when a card of these digits belongs to the block.
        func matches(_ digits: [Int]) -> Bool {
            guard lengths.contains(digits.count) else { return false }
            let prefix = digits.number(0..<prefixDigits)
            return prefix >= low && prefix <= high
        }
    }

    /// Issuer ranges (public scheme documentation as summarised on Wikipedia's "Payment card number").
    static let issuers: [IssuerRange] = [
        IssuerRange("Visa", 4, 4, [13, 16, 19]),
        IssuerRange("Mastercard", 51, 55, 16...16),
        IssuerRange("Mastercard", 2221, 2720, 16...16),
        IssuerRange("American Express", 34, 34, 15...15),
        IssuerRange("American Express", 37, 37, 15...15),
        IssuerRange("Discover", 6011, 6011, 16...19),
        IssuerRange("Discover", 644, 649, 16...19),
        IssuerRange("Discover", 65, 65, 16...19),
        IssuerRange("Diners Club", 36, 36, 14...19),
        IssuerRange("Diners Club", 300, 305, 14...19),
        IssuerRange("Diners Club", 38, 39, 14...19),
        IssuerRange("JCB", 3528, 3589, 16...19),
        IssuerRange("UnionPay", 62, 62, 16...19),
        IssuerRange("Mir", 2200, 2204, 16...19),
        IssuerRange("Maestro", 5018, 5018, 13...19),
        IssuerRange("Maestro", 5020, 5020, 13...19),
        IssuerRange("Maestro", 5038, 5038, 13...19),
        IssuerRange("Maestro", 5893, 5893, 13...19),
        IssuerRange("Maestro", 6304, 6304, 13...19),
        IssuerRange("Maestro", 6759, 6759, 13...19),
        IssuerRange("Maestro", 6761, 6763, 13...19),
    ]

    /// Any run of 2 to `CodeText.maxLength` digits whose Luhn check digit is right.
    static func isLuhn(_ text: CodeText) -> Bool {
        guard let d = text.digits else { return false }
        return Checksum.luhn(d)
    }

    /// A 13-19 digit card number in a known issuer range with that issuer's length, passing Luhn.
    static func isPaymentCard(_ text: CodeText) -> Bool {
        guard let d = text.digits, (13...19).contains(d.count), Checksum.luhn(d) else { return false }
        return issuers.contains { $0.matches(d) }
    }

    /// A 15-digit IMEI (TAC + serial + Luhn check digit), not all zeros.
    static func isIMEI(_ text: CodeText) -> Bool {
        guard let d = text.digits(count: 15), d.contains(where: { $0 != 0 }) else { return false }
        return Checksum.luhn(d)
    }

    /// The validators this type provides.
    static let validators: [Validator] = [
        Validator("luhn", isLuhn),
        Validator("payment_card", isPaymentCard),
        Validator("imei", isIMEI),
    ]
}
