/// The ASCII bytes of a normalised value, with the small accessors the checks share.
struct CodeText: Sendable, Equatable {
    /// Longest value any check looks at (IBANs top out at 34); longer input fails before any work.
    static let maxLength = 64

    /// The value's bytes, all below 0x80.
    let bytes: [UInt8]

    /// The bytes of `text`, or nil when it holds a non-ASCII byte or exceeds `maxLength`.
    init?(_ text: String) {
        var out: [UInt8] = []
        out.reserveCapacity(16)
        for byte in text.utf8 {
            guard byte < 0x80, out.count < Self.maxLength else { return nil }
            out.append(byte)
        }
        bytes = out
    }

    /// Wraps bytes already known to be ASCII.
    init<S: Sequence>(bytes: S) where S.Element == UInt8 {
        self.bytes = Array(bytes)
    }

    /// Number of characters.
    var count: Int { bytes.count }

    /// True when the value is non-empty and made only of the digits 0-9.
    var isAllDigits: Bool { !bytes.isEmpty && bytes.allSatisfy(Self.isDigit) }

    /// The digit values, or nil unless the value is all digits.
    var digits: [Int]? { isAllDigits ? bytes.map { Int($0 &- 48) } : nil }

    /// The digit values when the value is exactly `length` digits long.
    func digits(count length: Int) -> [Int]? {
        count == length ? digits : nil
    }

    /// The characters in `range` (clamped to the value).
    func slice(_ range: Range<Int>) -> CodeText {
        let lower = min(max(range.lowerBound, 0), count)
        let upper = min(max(range.upperBound, lower), count)
        return CodeText(bytes: bytes[lower..<upper])
    }

    /// The value without its first `n` characters.
    func dropFirst(_ n: Int) -> CodeText { slice(min(max(n, 0), count)..<count) }

    /// The value without its last `n` characters.
    func dropLast(_ n: Int) -> CodeText { slice(0..<max(count - n, 0)) }

    /// True when the value starts with the ASCII text `prefix`.
    func hasPrefix(_ prefix: String) -> Bool { bytes.starts(with: prefix.utf8) }

    /// True when the value ends with the ASCII text `suffix`.
    func hasSuffix(_ suffix: String) -> Bool {
        let tail = Array(suffix.utf8)
        return count >= tail.count && Array(bytes[(count - tail.count)...]) == tail
    }

    /// The value as a Swift string.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The byte at `index`, or 0 when out of range.
    subscript(index: Int) -> UInt8 { index >= 0 && index < count ? bytes[index] : 0 }

    /// The ASCII code of a one-character string literal.
    static func ascii(_ character: Unicode.Scalar) -> UInt8 { UInt8(truncatingIfNeeded: character.value) }

    /// True for 0-9.
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// True for A-Z.
    static func isUpper(_ byte: UInt8) -> Bool { byte >= 65 && byte <= 90 }
}

extension Array where Element == Int {
    /// The decimal number the digits in `range` spell (at most 18 digits are ever asked for).
    func number(_ range: Range<Int>) -> Int {
        self[range].reduce(0) { $0 * 10 + $1 }
    }

    /// The decimal number all the digits spell.
    var number: Int { number(0..<count) }
}
