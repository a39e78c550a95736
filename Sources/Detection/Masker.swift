/// Builds previews that show the shape of a value without revealing it.
public enum Masker {
    /// The masked preview of a normalised value of the given kind.
    public static func mask(_ value: String, kind: String) -> String {
        switch kind {
        case "email": return maskEmail(value)
        case "ipv4": return maskSplit(value, separator: ".")
        case "ipv6": return maskSplit(value, separator: ":")
        case "mac_address": return maskSplit(value, separator: ":")
        case "person_name", "document.cv": return maskName(value)
        default: return maskGeneric(value)
        }
    }

    /// `a***@e***.pt`.
    static func maskEmail(_ value: String) -> String {
        guard let at = value.lastIndex(of: "@") else { return maskGeneric(value) }
        let local = value[..<at]
        let domain = value[value.index(after: at)...]
        let tld = domain.split(separator: ".").last.map(String.init) ?? ""
        return "\(local.first.map(String.init) ?? "")***@\(domain.first.map(String.init) ?? "")***.\(tld)"
    }

    /// Keeps the first and last groups: `192.*.*.7`, `2001:*:1`.
    static func maskSplit(_ value: String, separator: Character) -> String {
        let parts = value.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return maskGeneric(value) }
        let middle = Array(repeating: "*", count: max(1, min(parts.count - 2, 2)))
        return ([String(parts.first!)] + middle + [String(parts.last!)]).joined(separator: String(separator))
    }

    /// The initial of each word, lengths hidden: `Ana da Costa` -> `A*** d*** C***`.
    static func maskName(_ value: String) -> String {
        value.utf8.withContiguousStorageIfAvailable(maskName) ?? Array(value.utf8).withUnsafeBufferPointer(maskName)
    }

    /// `maskName` on the UTF-8 bytes, written straight into the new string (one allocation
    /// at most, none for a short result).
    private static func maskName(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Each word gives at most its initial (up to 4 bytes), "***" and a space.
        var words = 0
        var k = 0
        while k < bytes.count {
            if bytes[k] != 32 && (k == 0 || bytes[k - 1] == 32) { words += 1 }
            k += 1
        }
        return String(unsafeUninitializedCapacity: max(1, words * 8)) { out in
            var n = 0
            var i = 0
            while i < bytes.count {
                if bytes[i] == 32 { i += 1; continue }
                // The word's first character (its lead byte and continuation bytes), then ***.
                if n > 0 { out[n] = 32; n += 1 }
                let lead = bytes[i]
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
                for b in bytes[i..<min(bytes.count, i + length)] { out[n] = b; n += 1 }
                for _ in 0..<3 { out[n] = 42; n += 1 }
                while i < bytes.count && bytes[i] != 32 { i += 1 }
            }
            return n
        }
    }

    /// Keeps two characters at each end of long values, one at the start of short ones.
    static func maskGeneric(_ value: String) -> String {
        let chars = Array(value)
        if chars.count >= 8 {
            return String(chars.prefix(2)) + String(repeating: "*", count: chars.count - 4) + String(chars.suffix(2))
        }
        return String(chars.prefix(1)) + String(repeating: "*", count: max(3, chars.count - 1))
    }
}
