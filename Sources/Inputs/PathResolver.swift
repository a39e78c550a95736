import Glibc

/// Resolves a path to (directory descriptor, last component) so `*at` calls work for
/// paths longer than PATH_MAX: short paths use AT_FDCWD and the whole path; long ones
/// open each directory component with `openat` (following links there, as `open` does).
enum PathResolver {
    /// Calls `body` with a directory descriptor and a NUL-terminated name inside it.
    /// The descriptor is closed afterwards. Throws a `ReadError` when a component cannot be opened.
    static func withParent<R>(of pathBytes: [UInt8], context: String,
                              _ body: (Int32, UnsafePointer<CChar>) throws -> R) throws -> R {
        if pathBytes.count < Int(PATH_MAX) {
            var cPath = pathBytes.map { CChar(bitPattern: $0) }
            cPath.append(0)
            return try cPath.withUnsafeBufferPointer { try body(AT_FDCWD, $0.baseAddress!) }
        }
        var components = pathBytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
        let leaf = components.popLast().map { Array($0) } ?? Array(".".utf8)
        var dirfd = AT_FDCWD
        if pathBytes.first == UInt8(ascii: "/") {
            dirfd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard dirfd >= 0 else { throw ReadError(errno: errno, operation: "open", context: context) }
        }
        defer { if dirfd != AT_FDCWD { close(dirfd) } }
        for component in components {
            var name = component.map { CChar(bitPattern: $0) }
            name.append(0)
            let next = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard next >= 0 else { throw ReadError(errno: errno, operation: "openat", context: context) }
            if dirfd != AT_FDCWD { close(dirfd) }
            dirfd = next
        }
        var cLeaf = leaf.map { CChar(bitPattern: $0) }
        cLeaf.append(0)
        return try cLeaf.withUnsafeBufferPointer { try body(dirfd, $0.baseAddress!) }
    }
}
