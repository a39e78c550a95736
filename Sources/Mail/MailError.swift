#if canImport(Glibc)
import Glibc
#endif

/// A mailbox that could not be opened or read.
public enum MailError: Error, Equatable, CustomStringConvertible {
    /// `open()` failed.
    case open(errno: Int32)
    /// `read()` failed.
    case read(errno: Int32)

    /// Short reason in the scan's vocabulary (`permission`, `not_found`, `io: ...`).
    public var reason: String {
        switch self {
        case .open(let e), .read(let e):
            switch e {
            case EACCES, EPERM: return "permission"
            case ENOENT: return "not_found"
            default: return "io: \(String(cString: strerror(e)))"
            }
        }
    }

    /// `mail: <reason> - while opening|reading the mailbox`.
    public var description: String {
        switch self {
        case .open: return "mail: \(reason) - while opening the mailbox"
        case .read: return "mail: \(reason) - while reading the mailbox"
        }
    }
}
