import Containers
import Extraction
import Glibc
import Mail
import ScanCore

extension ObjectContext: ObjectContextLike {}

/// One RFC 5322 message: a .eml file, a Maildir file, an mbox message, an attached
/// `message/rfc822` part, or a PST item (which `PSTHandler` hands over as a message).
///
/// The message's own text is its decoded header lines (From, Sender, To, Cc, Bcc,
/// Reply-To, Subject, Date, display names kept) and its text bodies, HTML through the
/// HTML extractor; attachments are children named by file name (`part-N` when unnamed).
/// It yields one `document.correspondence` finding.
public struct MessageHandler: ObjectHandler {
    /// The format name.
    public static let format = Format("eml")
    /// Set on messages synthesised from PST items: the item type for the finding's label.
    static let itemHeader = "X-Trawl-PST-Item"

    /// Creates the handler.
    public init() {}

    /// `eml` for a header block with mail-only fields (or any header line in a `message-N`/`.eml`).
    public func sniff(prefix: UnsafeRawBufferPointer, name: String) -> Format? {
        let head = Array(prefix.prefix(16 << 10))
        if MailSniffer.looksLikeMessage(head) && !MboxReader.sniff(head) { return Self.format }
        // Tie-break by name: messages split out of an mbox (`message-N`), `.eml` and
        // Maildir files need only start with a header field.
        if Self.isMessageName(name), MailSniffer.startsWithHeaderField(head) {
            return Self.format
        }
        return nil
    }

    /// `message-N`, `*.eml`, or a Maildir file name (`<unix time>.<unique>.<host>[:2,<flags>]`).
    static func isMessageName(_ name: String) -> Bool {
        let lower = name.lowercased()
        if lower.hasSuffix(".eml") { return true }
        let parts = lower.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count >= 3, parts[0].count >= 9, parts[0].allSatisfy(\.isASCII), parts[0].allSatisfy(\.isNumber) { return true }
        guard lower.hasPrefix("message-") else { return false }
        return !lower.dropFirst(8).isEmpty && lower.dropFirst(8).allSatisfy(\.isNumber)
    }

    /// Parses the message, scans its header lines and bodies, reports it, and scans its attachments.
    public func scan(_ data: ObjectData, format: Format, context: ObjectContext) -> ObjectStatus {
        let cap = context.limits.maxMemberBytes
        var bytes: [UInt8]
        var cut = false
        do {
            switch data {
            case .memory(let b):
                bytes = Array(b.buffer)
            case .file(let f, let size):
                _ = lseek(f.fd, 0, SEEK_SET)
                let want = Int(min(size, UInt64(cap)))
                bytes = [UInt8](repeating: 0, count: want)
                var filled = 0
                while filled < want {
                    let n = try bytes.withUnsafeMutableBytes { try f.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
                    if n == 0 { break }
                    filled += n
                }
                bytes.removeSubrange(filled...)
                cut = size > UInt64(cap)
            }
        } catch {
            return .error(ObjectScanner.reason(for: error))
        }
        let parser = MIMEParser(limits: MailLimits(maxParts: context.limits.maxMimeParts, maxMessageBytes: cap))
        let message = parser.parse(bytes)
        bytes = []
        context.appendText(message.text { HTMLText.extract(string: $0) })
        let label = Self.itemLabel(message)
        Correspondence.report(message, label: label, detector: label == "message" ? "mail.message" : "pst.item", on: context)
        var used: [String: Int] = [:]
        for attachment in message.attachments {
            if let r = context.stopReason { context.markPartial(r); break }
            var name = attachment.name
            used[name, default: 0] += 1
            if let n = used[name], n > 1 { name += "~\(n)" }
            context.scanChild(name: name, data: OwnedBytes(attachment.data))
            if let p = attachment.problem { context.markPartial(p) }
        }
        if cut { context.markPartial("max_member_size") }
        if let reason = message.partialReason { context.markPartial(reason) }
        return .complete
    }

    /// Item types a PST item may be labelled with; anything else reads `message`.
    static let itemLabels: Set<String> = ["message", "contact", "appointment", "meeting", "task", "note", "distribution_list", "other"]

    /// The item type a PST item was synthesised with (only a known label: the header is
    /// untrusted in any other message and only changes the masked preview's wording).
    static func itemLabel(_ message: MailMessage) -> String {
        guard let v = message.header.first(itemHeader)?.text.lowercased(), itemLabels.contains(v) else { return "message" }
        return v == "other" ? "item" : v
    }
}
