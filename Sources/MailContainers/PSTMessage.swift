import Foundation
import Mail
import PST

/// Writes a PST item as an RFC 5322 message for `MessageHandler`: sender, recipients and
/// subject as encoded-word headers, the plain body (or the RTF body's text when there is
/// no plain or HTML body) followed by the item's other string properties as
/// `Label: value` lines, the HTML body, and each attachment (embedded messages as
/// `message/rfc822`). Every part is base64, so no content can collide with a boundary.
enum PSTMessage {
    static func bytes(for item: PSTItem) -> [UInt8] {
        var out = ""
        write(item, into: &out, depth: 0)
        return Array(out.utf8)
    }

    static func write(_ item: PSTItem, into out: inout String, depth: Int) {
        let boundary = "trawl-pst-part-\(depth)-7f3a"
        out += "MIME-Version: 1.0\n"
        out += "\(MessageHandler.itemHeader): \(item.kind.rawValue)\n"
        if let id = item.internetMessageID { out += "Message-ID: \(headerSafe(id))\n" }
        if item.senderName != nil || item.senderAddress != nil {
            out += "From: \(mailbox(item.senderName, item.senderAddress))\n"
        }
        let to = item.recipients.map { mailbox($0.name, $0.address) }
        if !to.isEmpty { out += "To: \(to.joined(separator: ", "))\n" }
        if let s = item.subject { out += "Subject: \(encodedWord(s))\n" }
        out += "Content-Type: multipart/mixed; boundary=\"\(boundary)\"\n\n"

        var plain = item.plainBody ?? ""
        if item.plainBody == nil, item.htmlBody == nil, let rtf = item.rtfBody {
            plain = rtf.withUnsafeBytes { RTFBody.text($0) }
        }
        if !plain.isEmpty, !plain.hasSuffix("\n") { plain += "\n" }
        for f in item.fields { plain += "\(f.label): \(f.value)\n" }
        part(&out, boundary, "text/plain; charset=utf-8", nil, Array(plain.utf8))
        if let html = item.htmlBody { part(&out, boundary, "text/html; charset=utf-8", nil, Array(html.utf8)) }
        for a in item.attachments {
            let disposition = a.name.map { "attachment; filename*=utf-8''\(percentEncoded($0))" } ?? "attachment"
            if let inner = a.embedded.first {
                var nested = ""
                write(inner, into: &nested, depth: depth + 1)
                part(&out, boundary, "message/rfc822", disposition, Array(nested.utf8))
            } else {
                part(&out, boundary, "application/octet-stream", disposition, a.data)
            }
        }
        out += "--\(boundary)--\n"
    }

    static func part(_ out: inout String, _ boundary: String, _ type: String, _ disposition: String?, _ data: [UInt8]) {
        out += "--\(boundary)\nContent-Type: \(type)\n"
        if let d = disposition { out += "Content-Disposition: \(d)\n" }
        out += "Content-Transfer-Encoding: base64\n\n"
        out += Data(data).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
        out += "\n"
    }

    static func mailbox(_ name: String?, _ address: String?) -> String {
        let addr = address.map(headerSafe).map { $0.replacingOccurrences(of: "<", with: "").replacingOccurrences(of: ">", with: "") }
        switch (name, addr) {
        case let (n?, a?): return "\(encodedWord(n)) <\(a)>"
        case let (n?, nil): return encodedWord(n)
        case let (nil, a?): return a
        default: return ""
        }
    }

    /// An RFC 2047 base64 word (any text survives: commas, quotes, line breaks).
    static func encodedWord(_ s: String) -> String {
        "=?utf-8?B?\(Data(s.utf8).base64EncodedString())?="
    }

    static func headerSafe(_ s: String) -> String {
        String(s.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }.map(Character.init))
    }

    static func percentEncoded(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            let c = Character(Unicode.Scalar(b))
            if b < 0x80, c.isLetter || c.isNumber || "-._~".contains(c) { out.append(c) }
            else { out += String(format: "%%%02X", b) }
        }
        return out
    }
}
