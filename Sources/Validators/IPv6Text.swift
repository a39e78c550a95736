/// Reading and writing the text forms of IPv6 addresses (RFC 4291 section 2.2, RFC 5952).
enum IPv6Text {
    /// The eight 16-bit groups of a textual IPv6 address, or nil when it is not one.
    static func parse(_ bytes: [UInt8]) -> [UInt16]? {
        let colon = UInt8(ascii: ":")
        // Split around the first "::"; a second one, or a stray colon, leaves an empty group and fails below.
        var head = bytes[...], tail: ArraySlice<UInt8>? = nil
        if let i = bytes.indices.first(where: { $0 + 1 < bytes.count && bytes[$0] == colon && bytes[$0 + 1] == colon }) {
            head = bytes[..<i]
            tail = bytes[(i + 2)...]
        }
        guard var front = groups(head, mayEndWithIPv4: tail == nil) else { return nil }
        if let tail {
            guard let back = groups(tail, mayEndWithIPv4: true), front.count + back.count <= 7 else { return nil }
            front += [UInt16](repeating: 0, count: 8 - front.count - back.count) + back
        }
        return front.count == 8 ? front : nil
    }

    /// The groups of a colon-separated run (empty run: no groups); the last part may be a dotted IPv4 address.
    static func groups(_ run: ArraySlice<UInt8>, mayEndWithIPv4: Bool) -> [UInt16]? {
        if run.isEmpty { return [] }
        let parts = run.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        var out: [UInt16] = []
        for (i, part) in parts.enumerated() {
            if i == parts.count - 1, mayEndWithIPv4, part.contains(UInt8(ascii: ".")) {
                guard let o = IPAddress.parseIPv4(part) else { return nil }
                out.append(UInt16(o[0] << 8 | o[1]))
                out.append(UInt16(o[2] << 8 | o[3]))
                continue
            }
            guard (1...4).contains(part.count) else { return nil }
            var value: UInt16 = 0
            for c in part {
                guard let h = hexValue(c) else { return nil }
                value = value << 4 | h
            }
            out.append(value)
        }
        return out
    }

    /// The value of a hexadecimal digit in either case.
    static func hexValue(_ c: UInt8) -> UInt16? {
        switch c {
        case 48...57: return UInt16(c - 48)
        case 65...70: return UInt16(c - 55)
        case 97...102: return UInt16(c - 87)
        default: return nil
        }
    }

    /// RFC 5952 text for eight groups: lowercase, no leading zeros, the longest run (two or more, first on a tie) of zero groups as "::", IPv4-mapped addresses as ::ffff:a.b.c.d.
    static func canonical(_ g: [UInt16]) -> String {
        if g[0..<5].allSatisfy({ $0 == 0 }), g[5] == 0xFFFF {
            let octets = [g[6] >> 8, g[6] & 0xFF, g[7] >> 8, g[7] & 0xFF]
            return "::ffff:" + octets.map { String($0) }.joined(separator: ".")
        }
        var best = (start: -1, length: 0)
        var i = 0
        while i < 8 {
            guard g[i] == 0 else { i += 1; continue }
            var j = i
            while j < 8, g[j] == 0 { j += 1 }
            if j - i > best.length { best = (i, j - i) }
            i = j
        }
        let hex = g.map { String($0, radix: 16) }
        guard best.length >= 2 else { return hex.joined(separator: ":") }
        let left = hex[0..<best.start].joined(separator: ":")
        let right = hex[(best.start + best.length)...].joined(separator: ":")
        return left + "::" + right
    }
}
