import Foundation
import Glibc

/// Counts the files opened under a directory tree while it watches, with inotify: the
/// kernel reports every open of a regular file in a watched directory, so this sees what
/// the trawl process really opened, from outside it. Directories' opens (the walker's) are
/// not counted.
final class OpenWatcher {
    private let fd: Int32
    private var dirs: [Int32: String] = [:]

    init(tree: String) throws {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw NSError(domain: "inotify", code: Int(errno)) }
        var stack = [tree]
        while let dir = stack.popLast() {
            let wd = inotify_add_watch(fd, dir, UInt32(IN_OPEN))
            guard wd >= 0 else { throw NSError(domain: "inotify_add_watch \(dir)", code: Int(errno)) }
            dirs[wd] = dir
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
                var isDir: ObjCBool = false
                let p = dir + "/" + name
                if FileManager.default.fileExists(atPath: p, isDirectory: &isDir), isDir.boolValue { stack.append(p) }
            }
        }
    }

    deinit { close(fd) }

    /// Paths of the files opened since the last call (one entry per open).
    func openedFiles() -> [String] {
        var out: [String] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            guard n > 0 else { break }
            var off = 0
            while off + 16 <= n {
                let wd = buffer.withUnsafeBytes { $0.load(fromByteOffset: off, as: Int32.self) }
                let mask = buffer.withUnsafeBytes { $0.load(fromByteOffset: off + 4, as: UInt32.self) }
                let len = Int(buffer.withUnsafeBytes { $0.load(fromByteOffset: off + 12, as: UInt32.self) })
                let nameBytes = buffer[(off + 16)..<(off + 16 + len)].prefix { $0 != 0 }
                if mask & UInt32(IN_ISDIR) == 0, mask & UInt32(IN_OPEN) != 0, !nameBytes.isEmpty {
                    out.append((dirs[wd] ?? "?") + "/" + String(decoding: nameBytes, as: UTF8.self))
                }
                off += 16 + len
            }
        }
        return out
    }
}
