import Foundation
import GRDB

/// Why the inventory could not be used. Each case maps to its own exit code in `trawl`.
public enum InventoryError: Error, CustomStringConvertible, Sendable {
    /// Another process holds the writer lock (exit 75, EX_TEMPFAIL).
    case locked(path: String, holder: String)
    /// Reading or writing the database failed: disk full, I/O error, corrupt file (exit 74, EX_IOERR).
    case io(path: String, message: String)
    /// The database exists but was written by a newer trawl (exit 2).
    case tooNew(path: String, version: Int)
    /// There is no inventory at the path (read commands; exit 2).
    case missing(path: String)

    /// `inventory <path>: ...`, without personal values (SQLite messages name no row data).
    public var description: String {
        switch self {
        case .locked(let p, let holder): return "inventory \(p) is locked by another trawl run (\(holder)); try again later or use --wait SECONDS"
        case .io(let p, let m): return "inventory \(p): \(m); the last complete state is kept"
        case .tooNew(let p, let v): return "inventory \(p) has schema version \(v), newer than this trawl understands"
        case .missing(let p): return "no inventory at \(p) (run `trawl scan` first, or pass --inventory PATH)"
        }
    }

    /// Wraps a GRDB or file error as `.io`, naming the SQLite result code.
    public static func wrap(_ error: Error, path: String, while doing: String) -> InventoryError {
        if let e = error as? InventoryError { return e }
        if let e = error as? DatabaseError {
            let code = e.resultCode
            let what: String
            switch code {
            case .SQLITE_FULL: what = "disk full"
            case .SQLITE_IOERR: what = "I/O error"
            case .SQLITE_CORRUPT, .SQLITE_NOTADB: what = "database is corrupt"
            case .SQLITE_READONLY: what = "database is read-only"
            case .SQLITE_CANTOPEN: what = "cannot open database"
            default: what = "SQLite error \(e.extendedResultCode.rawValue)"
            }
            return .io(path: path, message: "\(what) while \(doing) (\(e.message ?? "no message"))")
        }
        return .io(path: path, message: "\(error) while \(doing)")
    }
}
