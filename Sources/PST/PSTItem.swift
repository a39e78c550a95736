/// One item of a PST/OST store: a message, contact, appointment, task or note.
public struct PSTItem: Sendable {
    /// The kind of item, from its message class.
    public enum Kind: String, Sendable {
        case message, contact, appointment, meeting, task, note, distributionList = "distribution_list", other
    }

    /// One recipient.
    public struct Recipient: Sendable, Hashable {
        /// Display name, if any.
        public var name: String?
        /// Address, if any.
        public var address: String?
    }

    /// One attachment.
    public struct Attachment: Sendable {
        /// Long file name, else short file name, else display name, else nil.
        public var name: String?
        /// The bytes (cut at the size cap when `truncated`).
        public var data: [UInt8]
        /// True when the data was longer than the cap.
        public var truncated: Bool
        /// A message embedded as an attachment (an attached email), already read.
        public var embedded: [PSTItem]
    }

    /// Folder names from the root (`["Top of Personal Folders", "Inbox"]`).
    public var folderPath: [String]
    /// 1-based position among the items of its folder (`message-N`).
    public var index: Int
    /// Its kind.
    public var kind: Kind
    /// The message class (`IPM.Note`, `IPM.Contact`).
    public var messageClass: String?
    /// Subject (messages, appointments), if any.
    public var subject: String?
    /// The Internet Message-ID (PidTagInternetMessageId), if any.
    public var internetMessageID: String?
    /// Sender display name, if any.
    public var senderName: String?
    /// Sender address.
    public var senderAddress: String?
    /// Recipients.
    public var recipients: [Recipient] = []
    /// The plain-text body, if any.
    public var plainBody: String?
    /// The HTML body, if any (bytes decoded as UTF-8, else Windows-1252).
    public var htmlBody: String?
    /// The RTF body as libpff gives it (decompressed from LZFu), if any.
    public var rtfBody: [UInt8]?
    /// Every other string property: a label (`Email address`, `0x8208`) and the value.
    public var fields: [(label: String, value: String)] = []
    /// Attachments in order.
    public var attachments: [Attachment] = []
    /// Parts that could not be read (`attachment 2: <libpff message>`), without content.
    public var problems: [String] = []
}
