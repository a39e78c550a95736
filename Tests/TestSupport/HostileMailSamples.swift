import Foundation

/// Hostile and broken mail, generated at test time (HOSTILE-INPUTS.md "Mail").
public enum HostileMailSamples {
    /// file name -> bytes, and the status each must end with.
    public static func all() -> [(name: String, bytes: [UInt8], status: String)] {
        var out: [(String, [UInt8], String)] = []
        // 5,000 MIME parts: the first 1,024 are read.
        var many = "From: a@example.com\nSubject: parts\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
        for i in 0..<5000 { many += "--b\nContent-Type: text/plain\n\npart \(i)\n" }
        many += "--b--\n"
        out.append(("many-parts.eml", Array(many.utf8), "partial(mime_parts)"))
        // 1,000 nested multiparts with an address at the bottom.
        var deep = "From: a@example.com\nSubject: deep\nMIME-Version: 1.0\n"
        for i in 0..<1000 { deep += "Content-Type: multipart/mixed; boundary=d\(i)\n\n--d\(i)\n" }
        deep += "Content-Type: text/plain\n\ndeep.bottom@example.org\n"
        out.append(("deep-nesting.eml", Array(deep.utf8), "partial(mime_depth)"))
        // The closing boundary never comes.
        let open = "From: a@example.com\nSubject: open\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/plain\n\nunclosed.part@example.org\n"
        out.append(("no-closing-boundary.eml", Array(open.utf8), "partial(truncated)"))
        // Base64 with junk in it: the rest still decodes.
        let body = Data("write to broken.base64@example.org please".utf8).base64EncodedString()
        let junk = String(body.prefix(12)) + "!!%%" + String(body.dropFirst(12))
        let b64 = "From: a@example.com\nSubject: b64\nMIME-Version: 1.0\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n\(junk)\n"
        out.append(("invalid-base64.eml", Array(b64.utf8), "partial(invalid_base64)"))
        // A 10 MB header line: the header is cut, the body still read.
        var big = Array("From: a@example.com\nMessage-ID: <1@example.invalid>\nX-Long: ".utf8)
        big += [UInt8](repeating: UInt8(ascii: "h"), count: 10 << 20)
        big += Array("\nSubject: long\n\nafter.header@example.org\n".utf8)
        out.append(("huge-header.eml", big, "partial(header_too_large)"))
        // A soft line break inside an address; an RFC 2047 name in an unknown charset.
        let qp = "From: =?x-unknown-cs?Q?J=C3=B6rg?= <j@example.com>\nSubject: qp\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nmail soft.br=\neak@example.org now\n"
        out.append(("qp-soft-break.eml", Array(qp.utf8), "complete"))
        return out.map { (name: $0.0, bytes: $0.1, status: $0.2) }
    }

    /// An mbox whose last message is cut inside its attachment (CRLF, no final newline),
    /// with an empty message and a quoted `>From ` line before it.
    public static func truncatedMbox() -> [UInt8] {
        let att = Data(repeating: 0x41, count: 3000).base64EncodedString(options: .lineLength76Characters)
        var s = "From a@example.com Mon Sep  2 10:00:00 2024\r\nFrom: a@example.com\r\nSubject: one\r\n\r\n>From the mbox: first.message@example.org\r\n\r\n"
        s += "From b@example.com Mon Sep  2 10:01:00 2024\r\nSubject: empty\r\n\r\n\r\n"
        s += "From c@example.com Mon Sep  2 10:02:00 2024\r\nFrom: c@example.com\r\nSubject: three\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=z\r\n\r\n--z\r\nContent-Type: text/plain\r\n\r\nlast.message@example.org\r\n--z\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=blob.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        s += String(att.prefix(att.count / 2))
        return Array(s.utf8)
    }
}
