/// Recognises mail formats from the first bytes of a file.
public enum MailSniffer {
    /// What the bytes look like.
    public enum Format: String, Sendable {
        /// An mbox (`From ` at offset 0, a header field next).
        case mbox
        /// A single RFC 5322 message (.eml, a Maildir file).
        case message
        /// An Outlook PST/OST (`!BDN`).
        case pst
    }

    /// Header names that only mail carries. Two of them, or `From` with one of them,
    /// in the first header block make a message.
    static let mailHeaders: Set<String> = [
        "received", "message-id", "mime-version", "return-path", "delivered-to", "in-reply-to",
        "references", "x-mailer", "dkim-signature", "authentication-results", "x-original-to",
        "content-transfer-encoding", "thread-topic", "x-ms-exchange-organization-authas",
    ]
    static let addressHeaders: Set<String> = ["from", "to", "cc", "subject", "date", "sender", "reply-to"]

    /// The format of a file starting with `prefix` (4 KiB is plenty), or nil.
    public static func sniff(_ prefix: [UInt8]) -> Format? {
        if prefix.count >= 4, prefix[0] == 0x21, prefix[1] == 0x42, prefix[2] == 0x44, prefix[3] == 0x4E { return .pst }
        if MboxReader.sniff(prefix) { return .mbox }
        return looksLikeMessage(prefix) ? .message : nil
    }

    /// True when the first line is a header field (`Name: value`).
    public static func startsWithHeaderField(_ prefix: [UInt8]) -> Bool {
        MessageHeader.fieldColon(prefix, 0, min(prefix.count, 200)) != nil
    }

    /// True when the text starts with a header block: the first line is a field (or an
    /// mbox-style `From ` line) and the fields include mail-only names.
    public static func looksLikeMessage(_ prefix: [UInt8]) -> Bool {
        var i = 0
        var strong = 0, address = 0, fields = 0
        var contentType = false
        var first = true
        while i < prefix.count {
            var e = i
            while e < prefix.count && prefix[e] != 0x0A { e += 1 }
            if e == prefix.count && e - i > 0 && prefix.count >= 4096 { break } // cut line at the end of the prefix
            var ce = e
            if ce > i && prefix[ce - 1] == 0x0D { ce -= 1 }
            if ce == i { break } // blank line: end of header block
            let c = prefix[i]
            if c == 0x20 || c == 0x09 {
                if first { return false }
            } else if let colon = MessageHeader.fieldColon(prefix, i, ce) {
                let name = String(decoding: prefix[i..<colon], as: UTF8.self).trimmingTrailingSpaces().lowercased()
                fields += 1
                if mailHeaders.contains(name) { strong += 1 }
                if addressHeaders.contains(name) { address += 1 }
                if name == "content-type" { contentType = true }
            } else if first && MboxReader.isFromLine(Array(prefix[i..<e])) {
                // mbox-style first line in a single message file
            } else {
                return false
            }
            first = false
            i = e + 1
        }
        return fields >= 2 && (strong >= 2 || (strong >= 1 && (address >= 1 || contentType)) || address >= 3)
    }
}
