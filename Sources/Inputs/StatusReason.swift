import Glibc

/// The reason strings the walker and reader put in `ObjectStatus` values.
public enum StatusReason {
    /// `skipped`: a named pipe (never opened).
    public static let fifo = "fifo"
    /// `skipped`: a Unix-domain socket.
    public static let socket = "socket"
    /// `skipped`: a character or block device (never opened).
    public static let device = "device"
    /// `skipped`: a symbolic link while not following links.
    public static let symlink = "symlink"
    /// `skipped`: a regular file above `WalkOptions.maxFileSize`.
    public static let tooLarge = "too_large"
    /// `skipped`: a directory that is its own ancestor (device+inode), or a link cycle.
    public static let loop = "loop"
    /// `skipped`: a directory already walked through another path (device+inode).
    public static let duplicate = "duplicate"
    /// `skipped`: a directory on /proc, /sys or a similar pseudo file system.
    public static let pseudoFS = "pseudo_fs"
    /// `skipped`: an entry on another device while `oneFileSystem` is set.
    public static let otherFileSystem = "other_filesystem"
    /// `skipped`: an object of a type the walker does not know.
    public static let unknownType = "unknown_type"
    /// `skipped`: the sample of the content holds NUL bytes and is not UTF-16.
    public static let binary = "binary"
    /// `error`: the root itself is a symbolic link and links are not followed.
    public static let rootIsSymlink = "root_is_symlink"
    /// `error`: permission denied (EACCES, EPERM).
    public static let permission = "permission"
    /// `error`: the object vanished (ENOENT, ENOTDIR), or a link points nowhere.
    public static let notFound = "not_found"
    /// `error`: the object changed identity (device+inode) between listing and opening.
    public static let replaced = "replaced"
    /// `skipped`: a directory given where a file was expected (reader only).
    public static let directory = "directory"

    /// The reason for a failed system call: `permission`, `not_found`, or `io: <strerror>`.
    public static func forErrno(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return permission
        case ENOENT, ENOTDIR: return notFound
        default: return "io: " + errnoMessage(code)
        }
    }

    /// `strerror` text for an errno value.
    public static func errnoMessage(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}
