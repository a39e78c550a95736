import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a report file atomically: a 0600 temporary file in the same directory, fsync, rename.
public enum AtomicOutput {
    public static func write(_ text: String, to path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var template = Array((dir + "/.trawl-report-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw DataMapError.output("cannot create a temporary file in \(dir): \(String(cString: strerror(errno)))") }
        let tmp = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = fchmod(fd, 0o600) == 0
        let bytes = Array(text.utf8)
        var off = 0
        while ok && off < bytes.count {
            let n = bytes[off...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { ok = false } else { off += n }
        }
        let err = errno
        if ok { ok = fsync(fd) == 0 }
        close(fd)
        guard ok, rename(tmp, path) == 0 else {
            let e = ok ? errno : err
            unlink(tmp)
            throw DataMapError.output("cannot write \(path): \(String(cString: strerror(e)))")
        }
    }
}
