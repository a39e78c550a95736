/// vCard (`.vcf`) and iCalendar (`.ics`) content lines: unfolded, parameters parsed,
/// values unescaped, quoted-printable decoded, rendered as `LABEL: value` lines.
public enum ContentLines {
    /// One property line.
    public struct Property {
        /// Upper-cased name without group (`EMAIL`).
        public var name: String
        /// Parameters, names upper-cased (`CN` -> `Anna Berg`).
        public var parameters: [String: String]
        /// The raw value.
        public var value: String
    }

    /// Unfolds (CRLF + space/tab continues a line; quoted-printable soft breaks joined)
    /// and splits into properties.
    public static func properties(_ text: String) -> [Property] {
        var lines: [String] = []
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if let first = line.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += line.dropFirst()
            } else if let last = lines.last, last.hasSuffix("="), last.uppercased().contains("QUOTED-PRINTABLE") {
                lines[lines.count - 1] = String(last.dropLast()) + line
            } else {
                lines.append(line)
            }
        }
        var props: [Property] = []
        for line in lines {
            guard let colon = colonOutsideQuotes(line) else { continue }
            let head = line[..<colon]
            let value = String(line[line.index(after: colon)...])
            var parts = head.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            var name = parts.removeFirst().uppercased()
            if let dot = name.lastIndex(of: ".") { name = String(name[name.index(after: dot)...]) }
            var params: [String: String] = [:]
            for p in parts {
                if let eq = p.firstIndex(of: "=") {
                    var v = String(p[p.index(after: eq)...])
                    if v.hasPrefix("\"") && v.hasSuffix("\"") && v.count >= 2 { v = String(v.dropFirst().dropLast()) }
                    params[p[..<eq].uppercased()] = v
                } else {
                    params[p.uppercased()] = ""  // vCard 2.1 bare type/encoding
                }
            }
            props.append(Property(name: name, parameters: params, value: value))
        }
        return props
    }

    private static func colonOutsideQuotes(_ s: String) -> String.Index? {
        var quoted = false
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "\"" { quoted.toggle() } else if c == ":" && !quoted { return i }
            i = s.index(after: i)
        }
        return nil
    }

    /// A property's value: quoted-printable decoded when so marked, then `\n \, \; \\` unescaped.
    public static func decodedValue(_ p: Property) -> String {
        var v = p.value
        if p.parameters["ENCODING"]?.uppercased() == "QUOTED-PRINTABLE" || p.parameters["QUOTED-PRINTABLE"] != nil {
            v = quotedPrintable(v)
        }
        var out = ""
        var escaped = false
        for c in v {
            if escaped {
                out.append(c == "n" || c == "N" ? "\n" : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// `=XX` decoding (UTF-8 assumed for the decoded bytes).
    public static func quotedPrintable(_ s: String) -> String {
        var bytes: [UInt8] = []
        let u = Array(s.utf8)
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "="), i + 2 < u.count, let v = UInt8(String(decoding: u[i + 1...i + 2], as: UTF8.self), radix: 16) {
                bytes.append(v)
                i += 3
            } else if u[i] == UInt8(ascii: "="), i + 1 == u.count {
                i += 1
            } else {
                bytes.append(u[i])
                i += 1
            }
        }
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        return bytes.withUnsafeBytes { LenientText.windows1252($0) }
    }

    static let vcardKeep: Set<String> = ["FN", "N", "EMAIL", "TEL", "ADR", "ORG", "TITLE", "BDAY", "NOTE", "NICKNAME", "URL", "LABEL", "IMPP", "X-SOCIALPROFILE", "ROLE", "GENDER", "ANNIVERSARY"]
    static let icalKeep: Set<String> = ["ORGANIZER", "ATTENDEE", "DESCRIPTION", "SUMMARY", "LOCATION", "COMMENT", "CONTACT", "X-ALT-DESC"]

    /// A vCard file as `LABEL: value` lines (structured values' `;` parts joined by spaces);
    /// a blank line between cards.
    public static func vcard(_ bytes: UnsafeRawBufferPointer) -> String {
        var out = ""
        for p in properties(LenientText.decode(bytes)) {
            if p.name == "END" { out += "\n"; continue }
            guard vcardKeep.contains(p.name) else { continue }
            var v = decodedValue(p)
            if p.name == "N" || p.name == "ADR" {
                v = v.split(separator: ";", omittingEmptySubsequences: true).joined(separator: p.name == "ADR" ? ", " : " ")
                if p.name == "N" {
                    // Family;Given;Additional;Prefix;Suffix -> Given Additional Family
                    let parts = decodedValue(p).split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                    if parts.count >= 2 { v = ([parts[1]] + (parts.count > 2 ? [parts[2]] : []) + [parts[0]]).filter { !$0.isEmpty }.joined(separator: " ") }
                }
            }
            if p.name == "TEL" && v.lowercased().hasPrefix("tel:") { v = String(v.dropFirst(4)) }
            out += label(p.name) + ": " + v + "\n"
        }
        return out
    }

    /// An iCalendar file's people and free text as `LABEL: value` lines; `CN=` names and
    /// `mailto:` addresses of organizers and attendees as `Name <address>`.
    public static func icalendar(_ bytes: UnsafeRawBufferPointer) -> String {
        var out = ""
        for p in properties(LenientText.decode(bytes)) {
            if p.name == "END" && p.value.uppercased() == "VEVENT" { out += "\n"; continue }
            guard icalKeep.contains(p.name) else { continue }
            var v = decodedValue(p)
            if p.name == "ORGANIZER" || p.name == "ATTENDEE" {
                var address = v
                if address.lowercased().hasPrefix("mailto:") { address = String(address.dropFirst(7)) }
                let cn = p.parameters["CN"].map { $0 + " " } ?? ""
                v = cn + "<" + address + ">"
            }
            out += label(p.name) + ": " + v + "\n"
        }
        return out
    }

    static func label(_ name: String) -> String {
        switch name {
        case "FN": return "Name"
        case "N": return "Name"
        case "EMAIL": return "Email"
        case "TEL": return "Tel"
        case "ADR": return "Address"
        case "BDAY": return "Birthday"
        case "ORG": return "Organization"
        default: return name.prefix(1) + name.dropFirst().lowercased()
        }
    }
}
