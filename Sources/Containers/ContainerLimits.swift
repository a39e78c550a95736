/// The limits that keep a hostile container from exhausting time, memory or disk.
///
/// Exceeding one ends the affected object with `partial(reason)` (what was read stays
/// scanned); siblings and later files continue. Defaults follow DESIGN.md.
public struct ContainerLimits: Sendable, Hashable {
    /// Containers nested deeper than this are not opened (`max_depth`). 10: real documents
    /// nest 2-4 levels (a docx in a zip in a mail); 42.zip-style bombs need many more.
    public var maxDepth = 10
    /// Decompressed bytes read per top-level file, all levels together (`max_total_size`).
    /// 1 GiB bounds the time one archive can take at the scanner's ~1 GB/s.
    public var maxTotalBytes: UInt64 = 1 << 30
    /// Expansion ratio (decompressed : compressed) allowed per container once more than
    /// `ratioGrace` bytes came out of it (`ratio`). Text deflates ~5:1, 100:1 means a bomb.
    public var maxRatio: UInt64 = 100
    /// Bytes a container may expand to before the ratio is checked (1 MiB).
    public var ratioGrace: UInt64 = 1 << 20
    /// Members read per container (`max_entries`). 10,000 covers real archives; more is a
    /// flood of tiny members meant to cost time.
    public var maxEntries = 10_000
    /// Bytes read per member (`max_member_size`). Text members beyond it are scanned up to
    /// it; members that must be held whole (a nested zip, a docx) are skipped.
    public var maxMemberBytes = 100 << 20
    /// Seconds one top-level object may take inside containers and extractors (`timeout`).
    public var timeoutSeconds: Double = 120
    /// MIME parts parsed per mail message (`mime_parts`). Real mail has a few dozen;
    /// 1,024 (the design default) stops part floods meant to cost time.
    public var maxMimeParts = 1024
    /// Bytes of text an external extractor (pdftotext) may return per document.
    public var maxExtractedBytes = 64 << 20

    /// The defaults.
    public init() {}
}
