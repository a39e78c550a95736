/// How a `FileWalker` walks: symlinks, excludes, size cap, file-system boundary.
public struct WalkOptions: Sendable, Hashable {
    /// Follow symbolic links (targets are stat'ed; directories are entered with loop detection).
    public var followSymlinks: Bool
    /// Glob patterns (`fnmatch`; `*` also matches `/`; `**/` and `/**` understood) matched against
    /// the path relative to the root and the base name, or, for a pattern starting with `/`,
    /// against the whole path. A match is skipped silently (a directory is not entered).
    public var excludes: [String]
    /// Regular files larger than this many bytes are reported as `skipped(too_large)`.
    public var maxFileSize: UInt64?
    /// Do not cross into other file systems (entries on another device are `skipped(other_filesystem)`).
    public var oneFileSystem: Bool

    /// Creates options; the defaults follow nothing, exclude nothing and cap nothing.
    public init(followSymlinks: Bool = false, excludes: [String] = [], maxFileSize: UInt64? = nil,
                oneFileSystem: Bool = false) {
        self.followSymlinks = followSymlinks
        self.excludes = excludes
        self.maxFileSize = maxFileSize
        self.oneFileSystem = oneFileSystem
    }
}
