import Glibc

/// A per-object failure of the reader: the system call, its message, and what we were doing.
///
/// `description` reads `open: Permission denied - while opening share/HR/x.txt`; `reason`
/// is the short status reason (`permission`, `not_found`, `symlink`, `replaced`, `io: ...`).
public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The short reason for `ObjectStatus.error(reason)`.
    public var reason: String
    /// The errno value, or 0 when the failure is not a system call's.
    public var errno: Int32
    /// The system call or step that failed (`open`, `read`, `fstat`).
    public var operation: String
    /// The system's message (`strerror`) or our own.
    public var message: String
    /// What we were doing (`opening share/HR/x.txt`).
    public var context: String

    /// Creates an error from a failed system call's errno.
    public init(errno code: Int32, operation: String, context: String) {
        var reason = StatusReason.forErrno(code)
        if operation == "open" && code == ELOOP { reason = StatusReason.symlink }
        self.init(reason: reason, errno: code, operation: operation,
                  message: StatusReason.errnoMessage(code), context: context)
    }

    /// Creates an error with every field given.
    public init(reason: String, errno: Int32 = 0, operation: String, message: String, context: String) {
        self.reason = reason
        self.errno = errno
        self.operation = operation
        self.message = message
        self.context = context
    }

    /// `operation: message - while context`.
    public var description: String { "\(operation): \(message) - while \(context)" }
}
