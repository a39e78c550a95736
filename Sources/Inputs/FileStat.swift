import Glibc

/// The fields of a `stat` result the walker and reader use.
struct FileStat: Sendable, Hashable {
    /// The type bits of `st_mode`.
    enum Kind: Sendable, Hashable {
        case regular, directory, symlink, fifo, socket, device, unknown
    }

    var kind: Kind
    var device: UInt64
    var inode: UInt64
    var size: UInt64
    var mtime: FileTime

    /// Identity of the object: device and inode.
    var id: FileID { FileID(device: device, inode: inode) }

    init(_ st: stat) {
        switch st.st_mode & 0o170000 {
        case 0o100000: kind = .regular
        case 0o040000: kind = .directory
        case 0o120000: kind = .symlink
        case 0o010000: kind = .fifo
        case 0o140000: kind = .socket
        case 0o020000, 0o060000: kind = .device
        default: kind = .unknown
        }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        size = st.st_size > 0 ? UInt64(st.st_size) : 0
        mtime = FileTime(seconds: Int64(st.st_mtim.tv_sec), nanoseconds: Int32(truncatingIfNeeded: st.st_mtim.tv_nsec))
    }

    /// `fstatat(dirfd, name)`; `follow` false uses AT_SYMLINK_NOFOLLOW. Returns errno on failure.
    static func at(_ dirfd: Int32, _ name: UnsafePointer<CChar>, follow: Bool) -> Result<FileStat, StatErrno> {
        var st = stat()
        let rc = fstatat(dirfd, name, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW)
        return rc == 0 ? .success(FileStat(st)) : .failure(StatErrno(code: errno))
    }

    /// `fstat(fd)`. Returns errno on failure.
    static func of(_ fd: Int32) -> Result<FileStat, StatErrno> {
        var st = stat()
        return fstat(fd, &st) == 0 ? .success(FileStat(st)) : .failure(StatErrno(code: errno))
    }

    /// The skip reason for a kind the walker never opens, or nil for regular files and directories.
    var skipReason: String? {
        switch kind {
        case .regular, .directory: return nil
        case .symlink: return StatusReason.symlink
        case .fifo: return StatusReason.fifo
        case .socket: return StatusReason.socket
        case .device: return StatusReason.device
        case .unknown: return StatusReason.unknownType
        }
    }
}
