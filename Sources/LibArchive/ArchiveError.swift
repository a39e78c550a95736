/// A libarchive failure, with the library's own message and what trawl was doing.
public struct ArchiveError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The libarchive status (`ARCHIVE_FATAL` = -30, `ARCHIVE_WARN` = -20 ...).
    public var code: Int32
    /// `archive_errno` at the time (0 when none).
    public var errno: Int32
    /// libarchive's message (`truncated gzip input`), or a fixed text when it gave none.
    public var message: String
    /// What was being done (`reading HR/2023.tar.gz`).
    public var context: String

    /// Creates an error.
    public init(code: Int32, errno: Int32 = 0, message: String, context: String) {
        self.code = code
        self.errno = errno
        self.message = message
        self.context = context
    }

    /// Whether the message says the data is encrypted (no passphrase given).
    public var isEncryption: Bool {
        let m = message.lowercased()
        return m.contains("encrypt") || m.contains("passphrase") || m.contains("password")
    }

    /// `libarchive: <message> - while <context>`.
    public var description: String { "libarchive: \(message) - while \(context)" }
}
