/// One normalisation step applied to a captured value, in rule order.
public enum NormalizeStep: Sendable, Hashable, CustomStringConvertible {
    /// Removes spaces, `.`, `-`, `/`, `(`, `)` and no-break spaces.
    case stripSeparators
    /// ASCII upper-casing.
    case uppercase
    /// ASCII lower-casing.
    case lowercase
    /// Keeps only digits.
    case digitsOnly
    /// Prepends the text unless already there.
    case prefix(String)
    /// Removes a leading text.
    case stripPrefix(String)
    /// Removes a trailing text.
    case stripSuffix(String)
    /// Phone number to E.164, with an optional default region.
    case e164(String?)
    /// Canonical IPv4 text.
    case ipv4
    /// Canonical IPv6 text (RFC 5952).
    case ipv6
    /// Lowercase colon-separated MAC address.
    case mac
    /// Lowercases an email address's domain.
    case email
    /// Swedish personnummer to its 10-digit form (drops the century).
    case sePnr10

    /// Parses a step as written in a rule file (`prefix:PT`, `e164:SE`).
    public static func parse(_ text: String) -> NormalizeStep? {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let name = parts.first ?? ""
        let argument = parts.count > 1 ? parts[1] : nil
        switch (name, argument) {
        case ("strip_separators", nil): return .stripSeparators
        case ("uppercase", nil): return .uppercase
        case ("lowercase", nil): return .lowercase
        case ("digits_only", nil): return .digitsOnly
        case ("prefix", let a?) where !a.isEmpty: return .prefix(a)
        case ("strip_prefix", let a?) where !a.isEmpty: return .stripPrefix(a)
        case ("strip_suffix", let a?) where !a.isEmpty: return .stripSuffix(a)
        case ("e164", let a): return .e164(a)
        case ("ipv4", nil): return .ipv4
        case ("ipv6", nil): return .ipv6
        case ("mac", nil): return .mac
        case ("email", nil): return .email
        case ("se_pnr10", nil): return .sePnr10
        default: return nil
        }
    }

    /// The step as written in a rule file.
    public var description: String {
        switch self {
        case .stripSeparators: return "strip_separators"
        case .uppercase: return "uppercase"
        case .lowercase: return "lowercase"
        case .digitsOnly: return "digits_only"
        case .prefix(let a): return "prefix:\(a)"
        case .stripPrefix(let a): return "strip_prefix:\(a)"
        case .stripSuffix(let a): return "strip_suffix:\(a)"
        case .e164(let r): return r.map { "e164:\($0)" } ?? "e164"
        case .ipv4: return "ipv4"
        case .ipv6: return "ipv6"
        case .mac: return "mac"
        case .email: return "email"
        case .sePnr10: return "se_pnr10"
        }
    }
}
