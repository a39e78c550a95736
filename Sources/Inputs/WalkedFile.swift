/// A regular file the walker found, with the identity the reader checks on open.
public struct WalkedFile: Sendable, Hashable {
    /// The path as the root was given, then `/` and the path relative to the root, for display
    /// and locations. Invalid UTF-8 bytes in names show as U+FFFD here; `pathBytes` is exact.
    public var path: String
    /// The exact path bytes (no terminating NUL); what the reader opens.
    public var pathBytes: [UInt8] { exactBytes ?? Array(path.utf8) }
    /// The path bytes when they differ from `path`'s UTF-8 (names that are not valid UTF-8);
    /// nil otherwise, which spares an allocation per walked file.
    private var exactBytes: [UInt8]?
    /// Size in bytes when it was listed.
    public var size: UInt64
    /// Device id (`st_dev`).
    public var device: UInt64
    /// Inode number (`st_ino`).
    public var inode: UInt64
    /// Last modification time.
    public var mtime: FileTime
    /// The last path component is a symbolic link the walker followed (the reader may follow it too).
    public var viaSymlink: Bool

    /// Creates a walked file; `pathBytes` defaults to the UTF-8 bytes of `path`.
    public init(path: String, pathBytes: [UInt8]? = nil, size: UInt64, device: UInt64, inode: UInt64,
                mtime: FileTime = FileTime(seconds: 0, nanoseconds: 0), viaSymlink: Bool = false) {
        self.path = path
        if let pathBytes, !path.utf8.elementsEqual(pathBytes) { exactBytes = pathBytes } else { exactBytes = nil }
        self.size = size
        self.device = device
        self.inode = inode
        self.mtime = mtime
        self.viaSymlink = viaSymlink
    }
}
