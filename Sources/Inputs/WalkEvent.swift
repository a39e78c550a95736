import ScanCore

/// What `FileWalker.next()` yields: a file to read, or the final status of an object it did not yield.
///
/// Excluded paths yield nothing. Directories yield an event only when they could not be
/// walked (`error(permission)`, `skipped(loop)` ...). Reasons are listed in `StatusReason`.
public enum WalkEvent: Sendable, Hashable {
    /// A regular file (or, when following symlinks, a link to one) to read.
    case file(WalkedFile)
    /// An object that was skipped or could not be walked, with its status.
    case status(path: String, ObjectStatus)

    /// The path of the file or object.
    public var path: String {
        switch self {
        case .file(let f): return f.path
        case .status(let p, _): return p
        }
    }
}
