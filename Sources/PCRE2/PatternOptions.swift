internal import CPCRE2

/// Compile options a rule may ask for; UTF and invalid-UTF matching are always on.
public struct PatternOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    /// Creates options from raw bits.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Case-insensitive matching.
    public static let caseless = PatternOptions(rawValue: 1 << 0)
    /// Unicode properties for \d, \w, \b (off by default: identifiers are ASCII).
    public static let ucp = PatternOptions(rawValue: 1 << 1)
    /// ^ and $ match at line breaks.
    public static let multiline = PatternOptions(rawValue: 1 << 2)
    /// . matches newlines too.
    public static let dotall = PatternOptions(rawValue: 1 << 3)
    /// Whitespace and # comments in the pattern are ignored.
    public static let extended = PatternOptions(rawValue: 1 << 4)

    /// Looks an option up by its rule-file name.
    public static func named(_ name: String) -> PatternOptions? {
        switch name {
        case "caseless": return .caseless
        case "ucp": return .ucp
        case "multiline": return .multiline
        case "dotall": return .dotall
        case "extended": return .extended
        default: return nil
        }
    }

    /// The PCRE2 compile bits: always UTF with invalid-UTF matching, never NO_UTF_CHECK.
    var compileBits: UInt32 {
        var bits = UInt32(PCRE2_UTF) | UInt32(PCRE2_MATCH_INVALID_UTF)
        if contains(.caseless) { bits |= UInt32(PCRE2_CASELESS) }
        if contains(.ucp) { bits |= UInt32(PCRE2_UCP) }
        if contains(.multiline) { bits |= UInt32(PCRE2_MULTILINE) }
        if contains(.dotall) { bits |= UInt32(PCRE2_DOTALL) }
        if contains(.extended) { bits |= UInt32(PCRE2_EXTENDED) }
        return bits
    }
}
