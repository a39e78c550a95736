/// Display names and addresses in an address header (`From`, `To`, `Cc` ...).
///
/// Handles `Name <addr>`, `"Last, First" <addr>`, `addr (Name)`, bare `addr` and groups
/// (`Team: a@x, b@y;`). Input is the decoded header text.
public enum AddressList {
    /// One mailbox.
    public struct Mailbox: Sendable, Hashable {
        /// The display name, unquoted, or nil.
        public var name: String?
        /// The address as written.
        public var address: String
    }

    /// Parses a decoded address header value.
    public static func parse(_ text: String) -> [Mailbox] {
        var out: [Mailbox] = []
        var depthAngle = 0, depthParen = 0
        var quoted = false
        var current = ""
        func finish() {
            if let m = mailbox(current) { out.append(m) }
            current = ""
        }
        var escaped = false
        for ch in text {
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" && (quoted || depthParen > 0) { escaped = true; current.append(ch); continue }
            switch ch {
            case "\"" where depthParen == 0: quoted.toggle()
            case "<" where !quoted && depthParen == 0: depthAngle += 1
            case ">" where !quoted && depthParen == 0: depthAngle = max(0, depthAngle - 1)
            case "(" where !quoted: depthParen += 1
            case ")" where !quoted: depthParen = max(0, depthParen - 1)
            case "," where !quoted && depthAngle == 0 && depthParen == 0:
                finish(); continue
            case ";" where !quoted && depthAngle == 0 && depthParen == 0:
                finish(); continue
            case ":" where !quoted && depthAngle == 0 && depthParen == 0:
                current = ""; continue // group name: drop it
            default: break
            }
            current.append(ch)
        }
        finish()
        return out
    }

    static func mailbox(_ raw: String) -> Mailbox? {
        let s = raw.trimmingCharacters(in: " \t\r\n")
        guard !s.isEmpty else { return nil }
        if let lt = s.lastIndex(of: "<"), let gt = s[lt...].firstIndex(of: ">") {
            let addr = String(s[s.index(after: lt)..<gt]).trimmingCharacters(in: " ")
            let name = unquote(String(s[..<lt]))
            return Mailbox(name: name.isEmpty ? nil : name, address: addr)
        }
        if let lp = s.firstIndex(of: "("), let rp = s.lastIndex(of: ")"), lp < rp {
            let name = unquote(String(s[s.index(after: lp)..<rp]))
            let addr = String(s[..<lp]).trimmingCharacters(in: " ")
            return Mailbox(name: name.isEmpty ? nil : name, address: addr)
        }
        return Mailbox(name: nil, address: s)
    }

    static func unquote(_ s: String) -> String {
        var t = s.trimmingCharacters(in: " \t")
        if t.count >= 2, t.first == "\"", t.last == "\"" { t = String(t.dropFirst().dropLast()) }
        var out = ""
        var escaped = false
        for ch in t {
            if escaped { out.append(ch); escaped = false; continue }
            if ch == "\\" { escaped = true; continue }
            out.append(ch)
        }
        return out.trimmingCharacters(in: " \t")
    }
}
