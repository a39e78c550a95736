import PatternCatalog
import Validators

/// Applies a rule's normalisation steps to a captured value.
enum Normalizer {
    static let separators: Set<Character> = [" ", ".", "-", "/", "(", ")", "\u{00A0}", "\u{202F}", "\t"]

    /// The normalised value, or nil when a step rejects it (not a phone number, not an IP).
    static func apply(_ steps: [NormalizeStep], to raw: String) -> String? {
        var value = raw
        for step in steps {
            switch step {
            case .stripSeparators: value.removeAll { separators.contains($0) }
            case .uppercase: value = asciiMapped(value, upper: true)
            case .lowercase: value = asciiMapped(value, upper: false)
            case .digitsOnly: value = String(value.unicodeScalars.filter { $0.value >= 48 && $0.value <= 57 }.map(Character.init))
            case .prefix(let p): if !value.hasPrefix(p) { value = p + value }
            case .stripPrefix(let p): if value.hasPrefix(p) { value.removeFirst(p.count) }
            case .stripSuffix(let s): if value.hasSuffix(s) { value.removeLast(s.count) }
            case .e164(let region):
                guard let e = PhoneNumber.e164(value, defaultRegion: region) else { return nil }
                value = e
            case .ipv4:
                guard let v = IPAddress.canonicalIPv4(value) else { return nil }
                value = v
            case .ipv6:
                guard let v = IPAddress.canonicalIPv6(value) else { return nil }
                value = v
            case .mac:
                let hex = asciiMapped(value, upper: false).filter { $0.isHexDigit }
                guard hex.count == 12 else { return nil }
                var out = ""
                for (i, c) in hex.enumerated() {
                    if i > 0 && i % 2 == 0 { out.append(":") }
                    out.append(c)
                }
                value = out
            case .email:
                guard let at = value.lastIndex(of: "@") else { return nil }
                value = String(value[..<at]) + "@" + asciiMapped(String(value[value.index(after: at)...]), upper: false)
            case .sePnr10:
                let digits = value.filter { $0.isASCII && $0.isNumber }
                guard digits.count == 10 || digits.count == 12 else { return nil }
                value = String(digits.suffix(10))
            }
        }
        return value.isEmpty ? nil : value
    }

    static func asciiMapped(_ s: String, upper: Bool) -> String {
        String(decoding: s.utf8.map { b in
            if upper, b >= 97, b <= 122 { return b - 32 }
            if !upper, b >= 65, b <= 90 { return b + 32 }
            return b
        }, as: UTF8.self)
    }
}
