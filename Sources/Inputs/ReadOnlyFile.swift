import Glibc

/// An open file descriptor for reading one file; closed when released.
///
/// Opened with O_RDONLY|O_NOFOLLOW|O_NONBLOCK|O_CLOEXEC (O_NOFOLLOW dropped only when the
/// walker followed the link itself); reads retry on EINTR.
public final class ReadOnlyFile: ByteSource {
    /// The descriptor.
    public let fd: Int32
    /// The path as shown in errors.
    public let displayPath: String

    /// Opens `pathBytes` (any length); throws a `ReadError` saying what failed.
    public init(pathBytes: [UInt8], displayPath: String, followSymlink: Bool = false) throws {
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followSymlink ? 0 : O_NOFOLLOW)
        let context = "opening \(displayPath)"
        fd = try PathResolver.withParent(of: pathBytes, context: context) { dirfd, name in
            var fd: Int32
            repeat { fd = openat(dirfd, name, flags) } while fd < 0 && errno == EINTR
            guard fd >= 0 else { throw ReadError(errno: errno, operation: "open", context: context) }
            return fd
        }
        self.displayPath = displayPath
    }

    deinit { close(fd) }

    /// `fstat` of the open file.
    func status() throws -> FileStat {
        switch FileStat.of(fd) {
        case .success(let st): return st
        case .failure(let e): throw ReadError(errno: e.code, operation: "fstat", context: "opening \(displayPath)")
        }
    }

    /// Reads up to `buffer.count` bytes; 0 at the end of the file.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = Glibc.read(fd, base, buffer.count)
            if n >= 0 { return n }
            let code = errno
            if code == EINTR { continue }
            throw ReadError(errno: code, operation: "read", context: "reading \(displayPath)")
        }
    }
}
