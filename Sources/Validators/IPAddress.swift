/// IP address text, validated and put in canonical form.
public enum IPAddress {
    /// Canonical dotted-quad for a valid IPv4 text (four decimal octets 0-255, no leading zeros), else nil.
    ///
    /// An octet with a leading zero ("010") is rejected rather than read as 10: inet_aton reads it as
    /// octal (8), so the address it means is ambiguous. A valid text is therefore already canonical and
    /// comes back unchanged; anything else (spaces, fewer parts, hex, a prefix length) is nil.
    public static func canonicalIPv4(_ text: String) -> String? {
        guard text.utf8.count <= 15, let octets = parseIPv4(Array(text.utf8)[...]) else { return nil }
        return octets.map(String.init).joined(separator: ".")
    }

    /// RFC 5952 canonical text (lowercase, longest zero run compressed as ::, first such run if tie, no compression of a single 16-bit 0 field, embedded IPv4 kept for ::ffff:a.b.c.d) for any valid textual IPv6 form incl. embedded IPv4 and zone-less, else nil.
    ///
    /// Input may use either case, leading zeros within a group and a trailing dotted IPv4 part (whose octets
    /// follow the IPv4 rules above). Zones (`%eth0`), brackets, ports and prefix lengths are not addresses: nil.
    public static func canonicalIPv6(_ text: String) -> String? {
        guard text.utf8.count <= 45, let groups = IPv6Text.parse(Array(text.utf8)) else { return nil }
        return IPv6Text.canonical(groups)
    }

    /// The four octets of a dotted-quad, or nil.
    static func parseIPv4(_ bytes: ArraySlice<UInt8>) -> [Int]? {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var octets: [Int] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(CodeText.isDigit) else { return nil }
            guard part.count == 1 || part.first != UInt8(ascii: "0") else { return nil }
            let value = part.reduce(0) { $0 * 10 + Int($1 - 48) }
            guard value <= 255 else { return nil }
            octets.append(value)
        }
        return octets
    }
}
