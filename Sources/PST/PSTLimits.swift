/// Caps for reading one store; each has its reason.
public struct PSTLimits: Sendable {
    /// Items per store, a backstop for a cyclic store: each item is also a child of the
    /// store in the container framework, whose `--max-entries` (10,000) applies first.
    public var maxItems = 1_000_000
    /// Folder nesting: Outlook allows about 300 levels; a cyclic store stops here.
    public var maxFolderDepth = 300
    /// Attachment bytes kept per attachment (the design's 100 MiB member cap).
    public var maxAttachmentBytes = 100 << 20
    /// Body bytes kept per body (same cap).
    public var maxBodyBytes = 100 << 20
    /// Levels of messages embedded as attachments in messages.
    public var maxEmbeddedDepth = 10

    /// The defaults.
    public init() {}
}
