/// The one outcome every object a scan meets ends with.
///
/// A `partial` or `skipped` object is never reported as clean: it carries the reason
/// so that reports can show what was not (fully) read.
public enum ObjectStatus: Sendable, Hashable, CustomStringConvertible {
    /// Every byte of the object was read and matched.
    case complete
    /// Some of the object was read; the reason says why the rest was not.
    case partial(String)
    /// The object was deliberately not read (binary, too large, a FIFO ...).
    case skipped(String)
    /// The object could not be read (permission, I/O error, malformed ...).
    case error(String)

    /// `complete`, `partial`, `skipped` or `error`.
    public var name: String {
        switch self {
        case .complete: return "complete"
        case .partial: return "partial"
        case .skipped: return "skipped"
        case .error: return "error"
        }
    }

    /// The reason, or nil for `complete`.
    public var reason: String? {
        switch self {
        case .complete: return nil
        case .partial(let r), .skipped(let r), .error(let r): return r
        }
    }

    /// `complete` or `kind(reason)`, as shown in summaries and reports.
    public var description: String {
        guard let reason else { return name }
        return "\(name)(\(reason))"
    }
}
