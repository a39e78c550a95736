#if canImport(Glibc)
import Glibc
#endif

/// A buffered writer on a file descriptor; files it creates are mode 0600.
public final class ReportOutput {
    private let fd: Int32
    private let ownsFD: Bool
    private var buffer: [UInt8] = []
    /// Path being written, for error messages (`-` for standard output).
    public let path: String

    /// Standard output.
    public static func standardOutput() -> ReportOutput { ReportOutput(fd: 1, owns: false, path: "-") }

    private init(fd: Int32, owns: Bool, path: String) {
        self.fd = fd
        self.ownsFD = owns
        self.path = path
        buffer.reserveCapacity(1 << 16)
    }

    /// Creates (or truncates) `path` with mode 0600, refusing to follow a symlink there.
    public convenience init(creating path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw OutputError(errno: errno, path: path, doing: "creating output file") }
        // An existing regular file keeps its mode on O_TRUNC: tighten it (never touch
        // the mode of a device such as /dev/null).
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG { _ = fchmod(fd, 0o600) }
        self.init(fd: fd, owns: true, path: path)
    }

    /// Appends text.
    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try? flush() }
    }

    /// Lets `body` append to the buffer in place.
    public func append(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        if buffer.count >= 1 << 16 { try? flush() }
    }

    /// Appends bytes.
    public func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try? flush() }
    }

    /// Writes out the buffer.
    public func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let e = errno
                buffer.removeAll()
                throw OutputError(errno: e, path: path, doing: "writing output")
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes.
    public func close() throws {
        try flush()
        if ownsFD { Glibc.close(fd) }
    }
}

/// Writing an output file failed.
public struct OutputError: Error, CustomStringConvertible {
    /// errno.
    public let errno: Int32
    /// The file.
    public let path: String
    /// What we were doing.
    public let doing: String
    /// `<strerror> - while <doing> <path>`.
    public var description: String { "\(String(cString: strerror(errno))) - while \(doing) \(path)" }
}
