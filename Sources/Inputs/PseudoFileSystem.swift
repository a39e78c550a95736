import Glibc

/// Recognises kernel pseudo file systems (/proc, /sys and friends) by `statfs` magic.
enum PseudoFileSystem {
    /// `f_type` values of file systems whose files are not data at rest.
    static let magics: Set<Int> = [
        0x9fa0,        // proc
        0x6265_6572,   // sysfs
        0x6462_6720,   // debugfs
        0x7472_6163,   // tracefs
        0x7363_6673,   // securityfs
        0x0027_e0eb,   // cgroup
        0x6367_7270,   // cgroup2
        0x1cd1,        // devpts
        0xcafe_4a11,   // bpf
        0x6165_676c,   // pstore
        0x6265_6570,   // configfs
        0x6573_5543,   // fusectl
        0xde5e_81e4,   // efivarfs
        0x1980_0202,   // mqueue
        0x4249_4e4d,   // binfmt_misc
        0x6e73_6673,   // nsfs
        0xf97c_ff8c,   // selinuxfs
        0x5a3c_69f0,   // apparmorfs
    ]

    /// `fstatfs`, looked up at run time: Swift's Glibc module does not import <sys/statfs.h>.
    private typealias FstatfsFunction = @convention(c) (Int32, UnsafeMutableRawPointer) -> Int32
    private static let fstatfsFunction: FstatfsFunction? = {
        guard let symbol = dlsym(nil, "fstatfs") else { return nil }
        return unsafeBitCast(symbol, to: FstatfsFunction.self)
    }()

    /// The `f_type` of the file system holding `fd`, or nil when it cannot be told.
    ///
    /// On 64-bit Linux `struct statfs` (120 bytes) starts with `f_type` as a `long`.
    static func type(fd: Int32) -> Int? {
        guard let call = fstatfsFunction else { return nil }
        return withUnsafeTemporaryAllocation(byteCount: 512, alignment: 16) { buffer in
            buffer.initializeMemory(as: UInt8.self, repeating: 0)
            guard call(fd, buffer.baseAddress!) == 0 else { return nil }
            return buffer.load(as: Int.self)
        }
    }

    /// Whether the directory open at `fd` lives on a pseudo file system.
    static func contains(fd: Int32) -> Bool {
        guard let type = type(fd: fd) else { return false }
        return magics.contains(type & 0xffff_ffff)
    }

    /// `O_PATH` (not exported by Swift's Glibc module): a descriptor that only names a file,
    /// so opening it has no side effects (no device open, no FIFO wait).
    static let openPathOnly: Int32 = 0o10000000

    /// Whether `name` in `dirfd` (its link target when `follow`) lives on a pseudo file system;
    /// looked at through an O_PATH descriptor, so nothing is really opened.
    static func contains(dirfd: Int32, name: UnsafePointer<CChar>, follow: Bool) -> Bool {
        let fd = openat(dirfd, name, openPathOnly | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return contains(fd: fd)
    }
}
