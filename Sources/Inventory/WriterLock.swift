import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one-writer-at-a-time lock: `flock` on a file beside the database (never on the
/// database itself, whose locks belong to SQLite). The holder writes its pid and start time
/// into the file so a second run can say who holds it. The kernel drops the lock when the
/// holder dies, so a killed run never leaves a stale lock.
public final class WriterLock {
    /// The lock file.
    public let path: String
    private let fd: Int32

    /// Takes the lock, waiting up to `wait` seconds (0: fail at once). Throws
    /// `InventoryError.locked` naming the holder, or `.io` when the file cannot be opened.
    public init(path: String, wait: Double = 0) throws {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            throw InventoryError.io(path: path, message: "cannot open lock file: \(String(cString: strerror(errno)))")
        }
        var st = stat()
        if fstat(fd, &st) == 0, st.st_mode & 0o077 != 0 { _ = fchmod(fd, 0o600) }
        let deadline = Date().addingTimeInterval(max(0, wait))
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK else {
                close(fd)
                throw InventoryError.io(path: path, message: "cannot lock: \(String(cString: strerror(code)))")
            }
            if Date() >= deadline {
                let holder = WriterLock.holder(fd: fd)
                close(fd)
                throw InventoryError.locked(path: path, holder: holder)
            }
            usleep(100_000)
        }
        self.fd = fd
        let text = "pid \(getpid()) started \(WriterLock.utcStamp(time(nil)))\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    deinit {
        // Empty the holder line before unlocking so a reader never sees a stale holder as current.
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// `2026-11-23T19:45:02Z` for `t` (seconds since the epoch), without Foundation's
    /// formatter: building one costs milliseconds, and the lock is taken on every run.
    static func utcStamp(_ t: time_t) -> String {
        var seconds = t
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return "unknown time" }
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// The holder line (`pid 123 started 2026-...`) or `holder unknown`.
    static func holder(fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, 255, 0) }
        guard n > 0 else { return "holder unknown" }
        let text = String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "holder unknown" : text
    }
}
