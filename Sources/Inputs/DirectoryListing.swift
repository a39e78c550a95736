import Glibc

/// The names in one directory, sorted by their bytes, stored in one contiguous blob.
///
/// Memory is the names' bytes plus 17 bytes per entry; nothing else per entry is kept
/// (types and sizes are stat'ed when the entry is visited).
struct DirectoryListing {
    /// Names, each followed by a NUL so it can be passed to `*at` calls as is.
    private var blob: [UInt8] = []
    /// Start offset and length (without NUL) of each name in `blob`, in sorted order.
    private var refs: [(start: Int, length: Int)] = []

    /// Number of names.
    var count: Int { refs.count }

    /// An empty listing.
    init() {}

    /// Reads every name of the directory open at `fd` (except `.` and `..`).
    ///
    /// The descriptor stays open and usable for `*at` calls. Read with `getdents64` into a
    /// 64 KiB buffer from offset 0 (no `dup`, `fdopendir` or `closedir` per directory), or
    /// through `readdir` on a duplicate where `getdents64` cannot be found. On a failure
    /// midway the names read so far are kept and the errno is returned.
    static func read(fd: Int32) -> (DirectoryListing, errno: Int32?) {
        guard let getdents = getdents64Function else { return readThroughDirStream(fd: fd) }
        var listing = DirectoryListing()
        guard lseek(fd, 0, SEEK_SET) >= 0 else { return (listing, errno) }
        var failure: Int32?
        let bufferSize = 64 << 10
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 8)
        defer { buffer.deallocate() }
        // struct linux_dirent64: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name.
        while true {
            let n = getdents(fd, buffer, bufferSize)
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            if n == 0 { break }
            listing.blob.reserveCapacity(listing.blob.count + n)
            var at = 0
            while at < n {
                let record = buffer + at
                let length = Int(record.loadUnaligned(fromByteOffset: 16, as: UInt16.self))
                guard length > 19 else { break }
                let name = (record + 19).assumingMemoryBound(to: UInt8.self)
                let nameLength = strnlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), length - 19)
                at += length
                listing.appendUnlessDots(UnsafeBufferPointer(start: name, count: nameLength))
            }
        }
        listing.sort()
        return (listing, failure)
    }

    /// `getdents64`, looked up at run time: Swift's Glibc module does not declare it.
    private typealias GetdentsFunction = @convention(c) (Int32, UnsafeMutableRawPointer, Int) -> Int
    private static let getdents64Function: GetdentsFunction? = {
        guard let symbol = dlsym(nil, "getdents64") else { return nil }
        return unsafeBitCast(symbol, to: GetdentsFunction.self)
    }()

    /// The portable way: `readdir` on a duplicate of `fd`.
    static func readThroughDirStream(fd: Int32) -> (DirectoryListing, errno: Int32?) {
        var listing = DirectoryListing()
        let copy = dup(fd)
        guard copy >= 0 else { return (listing, errno) }
        guard let dir = fdopendir(copy) else {
            let code = errno
            close(copy)
            return (listing, code)
        }
        defer { closedir(dir) }
        rewinddir(dir) // the duplicate shares the descriptor's offset
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        var failure: Int32?
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { failure = errno }
                break
            }
            let name = UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: UInt8.self)
            let length = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
            listing.appendUnlessDots(UnsafeBufferPointer(start: name, count: length))
        }
        listing.sort()
        return (listing, failure)
    }

    /// Adds a name unless it is `.` or `..`.
    mutating func appendUnlessDots(_ name: UnsafeBufferPointer<UInt8>) {
        if name[0] == UInt8(ascii: ".") && (name.count == 1 || (name.count == 2 && name[1] == UInt8(ascii: "."))) { return }
        append(name)
    }

    /// Adds a name (unsorted until `sort()`).
    mutating func append(_ name: UnsafeBufferPointer<UInt8>) {
        refs.append((blob.count, name.count))
        blob.append(contentsOf: name)
        blob.append(0)
    }

    /// Sorts the names by their bytes (memcmp order, shorter prefix first).
    ///
    /// Each name's first eight bytes, big-endian in a UInt64 (zero-padded), order most
    /// pairs with one integer compare; only names sharing those bytes go to `memcmp`.
    mutating func sort() {
        guard refs.count > 1 else { return }
        blob.withUnsafeBufferPointer { b in
            let base = b.baseAddress!
            var keyed = refs.map { ref -> (key: UInt64, start: Int, length: Int) in
                var key: UInt64 = 0
                for i in 0..<8 { key = key << 8 | UInt64(i < ref.length ? base[ref.start + i] : 0) }
                return (key, ref.start, ref.length)
            }
            keyed.sort { l, r in
                if l.key != r.key { return l.key < r.key }
                guard l.length > 8 || r.length > 8 else { return l.length < r.length }
                let c = memcmp(base + l.start, base + r.start, min(l.length, r.length))
                return c != 0 ? c < 0 : l.length < r.length
            }
            refs = keyed.map { ($0.start, $0.length) }
        }
    }

    /// Calls `body` with the name at `index` as bytes (not including the NUL) and as a C string.
    func withName<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>, UnsafePointer<CChar>) throws -> R) rethrows -> R {
        let ref = refs[index]
        return try blob.withUnsafeBufferPointer { b in
            let start = b.baseAddress! + ref.start
            return try body(UnsafeBufferPointer(start: start, count: ref.length),
                            UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self))
        }
    }

    /// The name at `index` as bytes.
    func name(at index: Int) -> [UInt8] {
        withName(at: index) { bytes, _ in Array(bytes) }
    }
}
