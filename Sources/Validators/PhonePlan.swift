/// One country's numbering plan, reduced to what tells a real number from junk:
/// the trunk prefix and, per block of leading digits, the lengths of the national significant number.
///
/// Facts come from libphonenumber's published metadata, reduced to leading-digit blocks by
/// `Tests/ValidatorsTests/Fixtures/derive_phone_data.py`; the plans themselves are in `PhonePlan+Countries.swift`.
struct PhonePlan: Sendable {
    /// Leading digits of a block and the national number lengths allowed in it.
    struct Block: Sendable {
        /// One set of allowed digits per leading position (bit n set when digit n is allowed).
        let prefix: [UInt16]
        /// Allowed national significant number lengths.
        let lengths: ClosedRange<Int>

        /// True when the national number starts with the block's digits and has one of its lengths.
        func matches(_ nsn: ArraySlice<UInt8>) -> Bool {
            guard lengths.contains(nsn.count), nsn.count >= prefix.count else { return false }
            return zip(prefix, nsn).allSatisfy { mask, digit in mask & (1 << UInt16(digit)) != 0 }
        }
    }

    /// The country calling code.
    let code: String
    /// The national trunk prefix (0 in most of Europe, 1 in NANP, 8 in Russia), if the country has one.
    let trunk: UInt8?
    /// True when national forms must carry the trunk prefix (the normal written style where it is 0).
    let trunkRequired: Bool
    /// The blocks of valid national numbers.
    let blocks: [Block]

    /// Builds a plan from a compact spec: space-separated `prefix:min-max` items, where a prefix is digits,
    /// `[...]` digit classes (`[26-9]`) and `?` for any digit, and lengths are `n` or `min-max`, e.g. `[26-9]:9 1:5-6`.
    init(code: String, trunk: UInt8?, trunkRequired: Bool, _ spec: String) {
        self.code = code
        self.trunk = trunk
        self.trunkRequired = trunkRequired
        blocks = spec.split(separator: " ").map { item in
            let parts = item.split(separator: ":")
            let bounds = parts[1].split(separator: "-").map { Int($0)! }
            return Block(prefix: Self.masks(parts[0]), lengths: bounds[0]...bounds[bounds.count - 1])
        }
    }

    /// The digit masks of a prefix pattern.
    static func masks(_ pattern: Substring) -> [UInt16] {
        var masks: [UInt16] = []
        var inClass = false
        var current: UInt16 = 0
        var previous: UInt8? = nil
        var pendingRange = false
        for c in pattern.utf8 {
            switch c {
            case UInt8(ascii: "?"): masks.append(0x3FF)
            case UInt8(ascii: "["): inClass = true; current = 0; previous = nil
            case UInt8(ascii: "]"): inClass = false; masks.append(current)
            case UInt8(ascii: "-"): pendingRange = true
            default:
                let d = c - 48
                if !inClass {
                    masks.append(1 << UInt16(d))
                } else if pendingRange, let from = previous {
                    for x in from...d { current |= 1 << UInt16(x) }
                    pendingRange = false
                } else {
                    current |= 1 << UInt16(d)
                    previous = d
                }
            }
        }
        return masks
    }

    /// True when the national significant number fits one of the blocks.
    func accepts(_ nsn: ArraySlice<UInt8>) -> Bool {
        blocks.contains { $0.matches(nsn) }
    }

    /// Calling codes of the regions whose national forms `PhoneNumber` understands.
    static let regionCodes: [String: String] = [
        "PT": "351", "ES": "34", "SE": "46", "DE": "49", "FR": "33", "IT": "39", "NL": "31",
        "GB": "44", "UK": "44", "US": "1", "CA": "1", "RU": "7", "KZ": "7",
    ]
}
