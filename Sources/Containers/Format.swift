/// A content format decided by sniffing (magic bytes first, the name only as a hint).
///
/// An open set: built-in handlers use the constants below; a plugged-in handler may
/// define its own (`Format("pst")`).
public struct Format: Sendable, Hashable, CustomStringConvertible {
    /// Short lowercase name (`zip`, `docx`, `pdf`, `eml`).
    public let name: String
    /// Creates a format.
    public init(_ name: String) { self.name = name }
    /// The name.
    public var description: String { name }

    // Archives and compressed streams (libarchive).
    public static let zip = Format("zip")
    public static let tar = Format("tar")
    public static let sevenZip = Format("7z")
    public static let rar = Format("rar")
    public static let cpio = Format("cpio")
    public static let iso = Format("iso")
    public static let gzip = Format("gz")
    public static let bzip2 = Format("bz2")
    public static let xz = Format("xz")
    public static let zstd = Format("zst")
    // Documents.
    public static let docx = Format("docx")
    public static let xlsx = Format("xlsx")
    public static let pptx = Format("pptx")
    public static let odt = Format("odt")
    public static let ods = Format("ods")
    public static let odp = Format("odp")
    public static let pdf = Format("pdf")
    public static let rtf = Format("rtf")
    public static let html = Format("html")
    public static let vcf = Format("vcf")
    public static let ics = Format("ics")
}
