import Containers

/// The mail formats the scanner opens: Outlook PST/OST stores, mbox files and single
/// RFC 5322 messages (.eml, Maildir files, attached `message/rfc822` parts).
public enum MailHandlers {
    /// The handlers, in sniffing order (PST magic first, then mbox, then headers).
    public static let all: [any ObjectHandler] = [PSTHandler(), MboxHandler(), MessageHandler()]
}
