/// Parses one RFC 5322 message with MIME (RFC 2045-2049) into a `MailMessage`.
///
/// Multipart bodies are split on their boundaries, nested up to `MailLimits.maxDepth`;
/// leaves are transfer-decoded (base64, quoted-printable, 7bit/8bit/binary); text parts
/// without a file name become bodies in their charset; everything else, including
/// `message/rfc822` parts, becomes an attachment for the caller to recurse into.
/// Never throws: bad input ends in `problems`, and whatever could be read is returned.
public struct MIMEParser {
    /// The caps applied.
    public var limits: MailLimits

    /// Creates a parser.
    public init(limits: MailLimits = MailLimits()) {
        self.limits = limits
    }

    /// Header fields copied first into `headerText`, in this order.
    public static let shownHeaders = ["From", "Sender", "To", "Cc", "Bcc", "Reply-To", "Subject", "Date"]
    /// Fields never copied: message structure, identifiers, routing between servers and
    /// signatures (long base64 and server addresses, not content). Every other field
    /// (`Return-Path`, `Delivered-To`, `X-Originating-IP`, custom `X-` fields) follows the
    /// shown ones, so personal data in an unexpected header is still scanned.
    public static let skippedHeaders: Set<String> = [
        "received", "x-received", "dkim-signature", "x-google-dkim-signature", "domainkey-signature",
        "arc-seal", "arc-message-signature", "arc-authentication-results", "authentication-results",
        "received-spf", "message-id", "references", "in-reply-to", "content-type", "content-transfer-encoding",
        "content-disposition", "content-id", "content-language", "mime-version", "thread-index", "thread-topic",
        "x-ms-has-attach", "x-ms-tnef-correlator", "x-gm-message-state", "x-google-smtp-source", "x-trawl-pst-item",
    ]
    static let skippedPrefixes = ["x-ms-exchange-", "x-microsoft-antispam", "x-forefront-", "x-ms-office365-"]
    static let addressHeaders: Set<String> = ["from", "sender", "to", "cc", "bcc", "reply-to"]

    /// Parses `bytes` (one whole message, without an mbox `From ` line).
    public func parse(_ bytes: [UInt8]) -> MailMessage {
        var state = State(limits: limits)
        var message = MailMessage()
        var data = bytes
        if data.count > limits.maxMessageBytes {
            data.removeSubrange(limits.maxMessageBytes...)
            message.addProblem("too_large")
        }
        let (header, bodyStart) = MessageHeader.parse(data, from: 0, to: data.count, maxBytes: limits.maxHeaderBytes)
        if header.truncated { message.addProblem("header_too_large") }
        fillHeaders(header, into: &message)
        message.header = header
        entity(data, header: header, body: bodyStart..<data.count, depth: 0, parentDigest: false, state: &state, message: &message)
        return message
    }

    struct State {
        let limits: MailLimits
        var parts = 0
        var stopped = false
    }

    func fillHeaders(_ header: MessageHeader, into message: inout MailMessage) {
        var lines = ""
        for name in Self.shownHeaders {
            for field in header.all(name) {
                let value = field.decoded
                lines += "\(name): \(value)\n"
                if Self.addressHeaders.contains(name.lowercased()) {
                    // Structure first, then encoded words inside each name (RFC 2047 section 6.2:
                    // decoded text is never parsed again, so an encoded comma stays in the name).
                    for mb in AddressList.parse(field.text) {
                        if let raw = mb.name {
                            let n = HeaderField.oneLine(EncodedWords.decode(raw))
                            if !message.displayNames.contains(n) { message.displayNames.append(n) }
                        }
                        if !mb.address.isEmpty, !message.addresses.contains(mb.address) { message.addresses.append(mb.address) }
                    }
                }
            }
        }
        let shown = Set(Self.shownHeaders.map { $0.lowercased() })
        for field in header.fields {
            let lower = field.name.lowercased()
            if shown.contains(lower) || Self.skippedHeaders.contains(lower) || Self.skippedPrefixes.contains(where: { lower.hasPrefix($0) }) { continue }
            lines += "\(field.name): \(field.decoded)\n"
        }
        message.headerText = lines
        message.subject = header.first("Subject")?.decoded
        if let id = header.first("Message-ID")?.text {
            message.messageID = id.trimmingCharacters(in: " <>\t")
        }
    }

    /// One MIME entity whose header is already parsed.
    func entity(_ data: [UInt8], header: MessageHeader, body: Range<Int>, depth: Int, parentDigest: Bool,
                state: inout State, message: inout MailMessage) {
        if state.stopped { return }
        state.parts += 1
        if state.parts > limits.maxParts {
            state.stopped = true
            message.addProblem("mime_parts")
            return
        }
        let partNumber = state.parts
        let ct = header.first("Content-Type").map { HeaderParameters(raw: $0.raw) }
        var type = ct?.value ?? ""
        if type.isEmpty || !type.contains("/") { type = parentDigest ? "message/rfc822" : "text/plain" }
        if type.hasPrefix("multipart/") {
            if depth >= limits.maxDepth {
                message.addProblem("mime_depth")
                // Deeper structure is not parsed; its raw text is still scanned.
                let text = Charset.unlabelled(data[body])
                message.bodies.append(.init(kind: .plain, text: text))
                return
            }
            if let boundary = ct?.parameters["boundary"], !boundary.isEmpty {
                multipart(data, body: body, boundary: Array(boundary.utf8), depth: depth,
                          digest: type == "multipart/digest", state: &state, message: &message)
                return
            }
            // No boundary: read the body as text.
            type = "text/plain"
        }
        leaf(data, header: header, contentType: type, charset: ct?.parameters["charset"],
             nameParameter: ct?.parameters["name"], body: body, partNumber: partNumber, message: &message)
    }

    func leaf(_ data: [UInt8], header: MessageHeader, contentType: String, charset: String?, nameParameter: String?,
              body: Range<Int>, partNumber: Int, message: inout MailMessage) {
        let disposition = header.first("Content-Disposition").map { HeaderParameters(raw: $0.raw) }
        let fileName = disposition?.parameters["filename"] ?? nameParameter
        let cte = header.first("Content-Transfer-Encoding")?.text.lowercased().trimmingCharacters(in: " \t") ?? ""
        var bytes: [UInt8]
        var problem: String?
        switch cte {
        case "base64":
            let d = TransferDecoding.base64(data[body])
            bytes = d.bytes
            if d.malformed { problem = "invalid_base64" }
        case "quoted-printable":
            let d = TransferDecoding.quotedPrintable(data[body])
            bytes = d.bytes
            if d.malformed { problem = "invalid_quoted_printable" }
        default:
            bytes = Array(data[body])
        }
        let isText = contentType.hasPrefix("text/")
        let isAttachment = disposition?.value == "attachment" || (fileName.map { !$0.isEmpty } ?? false)
        if isText && !isAttachment {
            if let cs = charset, !Charset.isKnown(cs) { message.addNote("unknown_charset") }
            let text = Charset.decode(bytes, charset: charset).text
            message.bodies.append(.init(kind: contentType == "text/html" ? .html : .plain, text: text))
            if let problem { message.addProblem(problem) }
            return
        }
        let name = Self.safeName(fileName) ?? "part-\(partNumber)"
        message.attachments.append(.init(name: name, contentType: contentType, data: bytes, problem: problem))
    }

    /// The last path component of a sender-supplied name, control characters removed;
    /// nil when nothing is left.
    static func safeName(_ raw: String?) -> String? {
        guard let raw else { return nil }
        var name = raw
        if let slash = name.lastIndex(where: { $0 == "/" || $0 == "\\" }) { name = String(name[name.index(after: slash)...]) }
        name = String(name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        name = name.trimmingCharacters(in: " \t")
        if name.isEmpty || name == "." || name == ".." { return nil }
        return name
    }

    /// Splits a multipart body on `--boundary` lines and parses each part.
    func multipart(_ data: [UInt8], body: Range<Int>, boundary: [UInt8], depth: Int, digest: Bool,
                   state: inout State, message: inout MailMessage) {
        var partStart: Int?
        var closed = false
        var i = body.lowerBound
        let end = body.upperBound
        var ranges: [Range<Int>] = []
        var overflow = false
        // Parts this level may still add before the message reaches its cap.
        let budget = max(0, limits.maxParts - state.parts)
        while i < end {
            var lineEnd = i
            while lineEnd < end && data[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd < end ? lineEnd + 1 : end
            if isDelimiter(data, i, lineEnd, boundary) {
                // The CRLF before the delimiter belongs to it (RFC 2046 5.1.1).
                var contentEnd = i
                if contentEnd > body.lowerBound && data[contentEnd - 1] == 0x0A { contentEnd -= 1 }
                if contentEnd > body.lowerBound && data[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                if let s = partStart { ranges.append(s..<max(s, contentEnd)) }
                let after = i + 2 + boundary.count
                if after + 1 < end + 1, after + 1 <= lineEnd, data[after] == UInt8(ascii: "-"), data[after + 1] == UInt8(ascii: "-") {
                    closed = true
                    partStart = nil
                    break
                }
                partStart = next
                if ranges.count >= budget { overflow = true; partStart = nil; break }
            }
            i = next
        }
        if let s = partStart, !closed { ranges.append(s..<end) }
        if overflow { message.addProblem("mime_parts") }
        else if !closed { message.addProblem("truncated") }
        if ranges.isEmpty {
            // No delimiter at all: scan the body as text so nothing is missed.
            message.bodies.append(.init(kind: .plain, text: Charset.unlabelled(data[body])))
            return
        }
        for r in ranges {
            if state.stopped { return }
            let (h, bodyStart) = MessageHeader.parse(data, from: r.lowerBound, to: r.upperBound, maxBytes: limits.maxHeaderBytes)
            if h.truncated { message.addProblem("header_too_large") }
            entity(data, header: h, body: bodyStart..<r.upperBound, depth: depth + 1, parentDigest: digest,
                   state: &state, message: &message)
        }
        if overflow { state.stopped = true }
    }

    /// Whether the line `start..<lineEnd` is `--boundary` or `--boundary--`, with
    /// trailing whitespace allowed.
    func isDelimiter(_ data: [UInt8], _ start: Int, _ lineEnd: Int, _ boundary: [UInt8]) -> Bool {
        let n = boundary.count
        guard lineEnd - start >= n + 2, data[start] == UInt8(ascii: "-"), data[start + 1] == UInt8(ascii: "-") else { return false }
        for k in 0..<n where data[start + 2 + k] != boundary[k] { return false }
        var j = start + 2 + n
        if j + 1 < lineEnd + 1, j + 2 <= lineEnd, data[j] == UInt8(ascii: "-"), data[j + 1] == UInt8(ascii: "-") { j += 2 }
        while j < lineEnd {
            let c = data[j]
            if c != 0x20 && c != 0x09 && c != 0x0D { return false }
            j += 1
        }
        return true
    }
}
