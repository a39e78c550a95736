/// Device and inode: the identity of a file-system object.
struct FileID: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
}
