/// One member header of an archive, copied out of libarchive's entry object.
public struct ArchiveEntry: Sendable, Hashable {
    /// The member path as stored (UTF-8 when the archive says so; raw bytes decoded
    /// leniently otherwise). May contain `../` or a leading `/`: it is a name, never opened.
    public var path: String
    /// Uncompressed size when the header states one (it may lie: readers enforce caps).
    public var size: Int64?
    /// A regular file (the only kind with data to scan).
    public var isRegularFile: Bool
    /// A directory.
    public var isDirectory: Bool
    /// The member's data (or metadata) is encrypted.
    public var isEncrypted: Bool

    /// Creates an entry (tests, fakes).
    public init(path: String, size: Int64?, isRegularFile: Bool, isDirectory: Bool = false, isEncrypted: Bool = false) {
        self.path = path
        self.size = size
        self.isRegularFile = isRegularFile
        self.isDirectory = isDirectory
        self.isEncrypted = isEncrypted
    }
}
