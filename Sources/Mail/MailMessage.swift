/// A parsed message: decoded headers, text bodies and attachments.
///
/// This is what the scanner reads from one message: `headerText` and the bodies are
/// text for the detector; each attachment is a child object (`message-N!/<name>`).
public struct MailMessage: Sendable {
    /// One text body.
    public struct Body: Sendable, Hashable {
        /// `text/plain` (and other non-HTML text) or `text/html`.
        public enum Kind: String, Sendable, Hashable { case plain, html }
        /// Plain or HTML.
        public var kind: Kind
        /// The decoded text (HTML still marked up).
        public var text: String
    }

    /// One attachment or non-text part.
    public struct Attachment: Sendable {
        /// Its file name (RFC 2231/2047 decoded, path separators replaced), or `part-N`
        /// where N is the part's 1-based position among the message's parts.
        public var name: String
        /// The lowercased content type (`application/zip`, `message/rfc822`).
        public var contentType: String
        /// The decoded bytes.
        public var data: [UInt8]
        /// `nil` when decoded cleanly, else the reason the bytes may be incomplete
        /// (`invalid_base64`, `truncated`).
        public var problem: String?
    }

    /// `From: ...`, `To: ...`, `Cc: ...`, `Reply-To: ...`, `Subject: ...`, `Date: ...`
    /// lines (and `Sender`, `Bcc` when present), decoded to UTF-8, display names kept;
    /// then the other fields except structure, routing and signatures
    /// (`MIMEParser.skippedHeaders`).
    public var headerText = ""
    /// Display names from From/Sender/To/Cc/Bcc/Reply-To, for the name detector.
    public var displayNames: [String] = []
    /// Addresses from the same headers.
    public var addresses: [String] = []
    /// The decoded subject, if any.
    public var subject: String?
    /// The Message-ID without angle brackets, if any.
    public var messageID: String?
    /// Every header field of the message (top level), for callers that need more.
    public var header = MessageHeader()
    /// Text bodies in document order.
    public var bodies: [Body] = []
    /// Attachments in document order.
    public var attachments: [Attachment] = []
    /// Reasons the message could not be read in full, most important first
    /// (`mime_parts`, `mime_depth`, `truncated`, `header_too_large`, `invalid_base64`, `too_large`).
    public var problems: [String] = []
    /// Observations that do not make the read incomplete (`unknown_charset`).
    public var notes: [String] = []

    /// Creates an empty message.
    public init() {}

    /// `partial(<first problem>)` or nil when the message was read in full.
    public var partialReason: String? {
        for reason in MailMessage.reasonOrder where problems.contains(reason) { return reason }
        return problems.first
    }

    static let reasonOrder = ["mime_parts", "mime_depth", "too_large", "truncated", "header_too_large", "invalid_base64", "invalid_quoted_printable"]

    /// The text to scan: the header lines, then every body (HTML passed through `html`).
    public func text(htmlToText html: (String) -> String) -> String {
        var out = headerText
        for body in bodies {
            out += "\n"
            out += body.kind == .html ? html(body.text) : body.text
            if !out.hasSuffix("\n") { out += "\n" }
        }
        return out
    }

    mutating func addProblem(_ reason: String) {
        if !problems.contains(reason) { problems.append(reason) }
    }

    mutating func addNote(_ note: String) {
        if !notes.contains(note) { notes.append(note) }
    }
}
