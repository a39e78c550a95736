/// Caps that keep one hostile message from costing unbounded time or memory.
///
/// Each cap has its reason; exceeding one ends the message `partial(<reason>)` and what
/// was read up to the cap is still scanned.
public struct MailLimits: Sendable, Hashable {
    /// MIME entities (multipart containers and leaves) parsed per message. 1,024 is the
    /// design default: real mail rarely has more than a few dozen parts, and each part
    /// becomes an object of its own. Reason when exceeded: `mime_parts`.
    public var maxParts: Int = 1024
    /// Multipart nesting levels. Real mail nests 3-5 levels (mixed > alternative >
    /// related); 50 leaves room for forwarded chains while keeping recursion shallow.
    /// Deeper bodies are scanned as plain text. Reason: `mime_depth`.
    public var maxDepth: Int = 50
    /// Bytes of one header section that are kept and decoded. 1 MiB holds any honest
    /// header block (Received chains, DKIM); the rest is skipped. Reason: `header_too_large`.
    public var maxHeaderBytes: Int = 1 << 20
    /// Bytes of one message (the per-member cap of the design, 100 MiB). A longer
    /// message is cut at the cap. Reason: `too_large`.
    public var maxMessageBytes: Int = 100 << 20

    /// The defaults.
    public init() {}

    /// Custom caps.
    public init(maxParts: Int = 1024, maxDepth: Int = 50, maxHeaderBytes: Int = 1 << 20, maxMessageBytes: Int = 100 << 20) {
        self.maxParts = maxParts
        self.maxDepth = maxDepth
        self.maxHeaderBytes = maxHeaderBytes
        self.maxMessageBytes = maxMessageBytes
    }
}
