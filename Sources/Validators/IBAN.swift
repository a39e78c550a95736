/// International Bank Account Numbers (ISO 13616): country, exact length, BBAN shape, MOD 97-10.
enum IBAN {
    /// One country's BBAN layout: runs of digits (`n`), capital letters (`a`) or either (`c`).
    struct Layout: Sendable {
        /// The runs in order: how many characters, and which kind.
        let runs: [(count: Int, kind: UInt8)]
        /// Total IBAN length: country, check digits, BBAN.
        let length: Int

        /// Parses a spec such as `4n4n12c`.
        init(_ spec: Substring) {
            var runs: [(count: Int, kind: UInt8)] = []
            var n = 0
            for byte in spec.utf8 {
                if CodeText.isDigit(byte) {
                    n = n * 10 + Int(byte - 48)
                } else {
                    runs.append((n, byte))
                    n = 0
                }
            }
            self.runs = runs
            self.length = 4 + runs.reduce(0) { $0 + $1.count }
        }

        /// True when the BBAN characters follow the runs.
        func matches(_ bban: ArraySlice<UInt8>) -> Bool {
            var i = bban.startIndex
            for run in runs {
                for _ in 0..<run.count {
                    guard i < bban.endIndex else { return false }
                    let c = bban[i]
                    switch run.kind {
                    case CodeText.ascii("n"): guard CodeText.isDigit(c) else { return false }
                    case CodeText.ascii("a"): guard CodeText.isUpper(c) else { return false }
                    default: guard CodeText.isDigit(c) || CodeText.isUpper(c) else { return false }
                    }
                    i += 1
                }
            }
            return i == bban.endIndex
        }
    }

    /// BBAN layouts of every country in the SWIFT IBAN registry (release 2024), keyed by country code.
    static let layouts: [String: Layout] = {
        let specs = """
        AD4n4n12c AE3n16n AL8n16c AT5n11n AZ4a20c BA3n3n8n2n BE3n7n2n BG4a4n2n8c BH4a14c \
        BI5n5n11n2n BR8n5n10n1a1c BY4c4n16c CH5n12c CR4n14n CY3n5n16c CZ4n16n DE8n10n \
        DJ5n5n11n2n DK4n9n1n DO4c20n EE2n14n EG4n4n17n ES4n4n1n1n10n FI3n11n FK2a12n \
        FO4n9n1n FR5n5n11c2n GB4a6n8n GE2a16n GI4a15c GL4n9n1n GR3n4n16c GT4c20c HN4a20n \
        HR7n10n HU3n4n1n15n1n IE4a6n8n IL3n3n13n IQ4a3n12n IS4n2n6n10n IT1a5n5n12c \
        JO4a4n18c KW4a22c KZ3n13c LB4n20c LC4a24c LI5n12c LT5n11n LU3n13c LV4a13c \
        LY3n3n15n MC5n5n11c2n MD2c18c ME3n13n2n MK3n10c2n MN4n12n MR5n5n11n2n MT4a5n18c \
        MU4a2n2n12n3n3a NI4a20n NL4a10n NO4n6n1n OM3n16c PK4a16c PL8n16n PS4a21c \
        PT4n4n11n2n QA4a21c RO4a16c RS3n13n2n RU9n5n15c SA2n18c SC4a2n2n16n3a SD2n12n \
        SE3n16n1n SI5n8n2n SK4n6n10n SM1a5n5n12c SO4n3n12n ST4n4n11n2n SV4a20n TL3n14n2n \
        TN2n3n13n2n TR5n1n16c UA6n19c VA3n15n VG4a16n XK4n10n2n YE4a4n18c
        """
        var table: [String: Layout] = [:]
        for spec in specs.split(separator: " ") {
            table[String(spec.prefix(2))] = Layout(spec.dropFirst(2))
        }
        return table
    }()

    /// True for a complete IBAN (no spaces) of a registry country with its exact length, BBAN shape and MOD 97-10 remainder 1.
    static func isValid(_ text: CodeText) -> Bool {
        guard text.count >= 5, text.count <= 34,
              CodeText.isUpper(text[0]), CodeText.isUpper(text[1]),
              CodeText.isDigit(text[2]), CodeText.isDigit(text[3]),
              let layout = layouts[text.slice(0..<2).string],
              text.count == layout.length,
              layout.matches(text.bytes[4...])
        else { return false }
        let rearranged = text.bytes[4...] + text.bytes[0..<4]
        return Checksum.mod97(rearranged) == 1
    }

    /// The validators this type provides.
    static let validators: [Validator] = [Validator("iban", isValid)]
}
