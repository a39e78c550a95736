import Dispatch
import Glibc
import ScanCore

/// Walks roots depth-first, pull-based and without recursion, yielding files and statuses.
///
/// Entries of each directory are visited in the byte order of their names, so a walk is
/// deterministic. Objects are `lstat`ed through the parent directory's descriptor (`fstatat`,
/// `openat`), so paths longer than PATH_MAX work; FIFOs, sockets and devices are never opened.
/// At most `maxOpenDirectories` directory descriptors are open at once: deeper ancestors are
/// closed and re-opened through `..` (device+inode checked) when the walk returns to them.
/// Memory is the names of the directories on the current path plus the device+inode of
/// every directory walked (for loop and duplicate detection).
public final class FileWalker {
    /// Directory descriptors kept open at most (the rest are re-opened on the way back).
    public static let maxOpenDirectories = 64

    let roots: [String]
    let options: WalkOptions
    let excludes: ExcludeMatcher
    var rootIndex = 0
    /// Directories from the current root down to the one being listed.
    var stack: [DirectoryFrame] = []
    /// Path of the entry being visited: the root prefix, then `/name` per level.
    var path: [UInt8] = []
    /// Bytes of the root prefix in `path` (the root as given, without trailing slashes).
    var rootPrefixLength = 0
    /// Device of the current root, for `oneFileSystem`.
    var rootDevice: UInt64 = 0
    /// Identities of the directories on the stack.
    var ancestors: Set<FileID> = []
    /// Identities of every directory entered so far (across roots).
    var visited: Set<FileID> = []
    /// Frames 0 and `firstOpen..<stack.count` have open descriptors; the others are closed.
    var firstOpen = 1
    /// An event produced together with a push, returned by the next call.
    var pending: WalkEvent?
    /// Threads that `lstat` a directory's entries ahead of the visit, up to
    /// `prefetchWindow` names at a time (1: each entry is stat'ed when visited). On a tree of
    /// small files that did not change, stat calls are most of an inventory refresh.
    public var statThreads = 1
    /// Names stat'ed ahead at most (bounds memory and how old a stat may get).
    static let prefetchWindow = 256
    /// With several stat threads (and no excludes, which must be decided before a
    /// directory is read): subdirectories listed ahead on a helper thread.
    lazy var lookAhead: DirectoryLookAhead? = statThreads > 1 && excludes.isEmpty ? DirectoryLookAhead(window: FileWalker.prefetchWindow) : nil

    /// Creates a walker over `roots` (paths as given on the command line).
    public init(roots: [String], options: WalkOptions = WalkOptions()) {
        self.roots = roots
        self.options = options
        self.excludes = ExcludeMatcher(options.excludes)
    }

    deinit {
        for frame in stack where frame.fd >= 0 { close(frame.fd) }
        if statThreads > 1 { lookAhead?.shutdown() }
    }

    /// The next file or status, or nil when every root was walked.
    public func next() -> WalkEvent? {
        while true {
            if let event = pending {
                pending = nil
                return event
            }
            if stack.isEmpty {
                guard rootIndex < roots.count else { return nil }
                rootIndex += 1
                if let event = startRoot(roots[rootIndex - 1]) { return event }
                continue
            }
            if stack[stack.count - 1].isExhausted {
                if let event = popFrame() { return event }
                continue
            }
            let top = stack.count - 1
            let index = stack[top].next
            stack[top].next += 1
            if statThreads > 1 {
                if index >= stack[top].prefetchStart + stack[top].prefetched.count { prefetch(top, from: index) }
                if lookAhead != nil { scheduleAhead(top, at: index) }
            }
            if let event = visitEntry(index, of: top) { return event }
        }
    }

    /// The current entry's path for display.
    var displayPath: String { String(decoding: path, as: UTF8.self) }

    /// A status event for the current entry.
    func status(_ status: ObjectStatus) -> WalkEvent {
        .status(path: displayPath, status)
    }

    /// Visits name `index` of frame `top`: exclude, lstat, classify.
    private func visitEntry(_ index: Int, of top: Int) -> WalkEvent? {
        let frame = stack[top]
        return frame.listing.withName(at: index) { bytes, cName in
            path.removeSubrange(frame.pathLength...)
            path.append(UInt8(ascii: "/"))
            path.append(contentsOf: bytes)
            if !excludes.isEmpty && isExcluded(baseName: cName) { return nil }
            var st: FileStat
            let ahead = index - frame.prefetchStart
            let result = ahead >= 0 && ahead < frame.prefetched.count ? frame.prefetched[ahead] : FileStat.at(frame.fd, cName, follow: false)
            switch result {
            case .success(let s): st = s
            case .failure(let e): return status(.error(StatusReason.forErrno(e.code)))
            }
            var viaSymlink = false
            if st.kind == .symlink {
                guard options.followSymlinks else { return status(.skipped(StatusReason.symlink)) }
                switch FileStat.at(frame.fd, cName, follow: true) {
                case .success(let s): st = s
                case .failure(let e) where e.code == ELOOP: return status(.skipped(StatusReason.loop))
                case .failure(let e): return status(.error(StatusReason.forErrno(e.code)))
                }
                viaSymlink = true
            }
            return classify(st, name: cName, nameBytes: bytes, parent: frame, viaSymlink: viaSymlink)
        }
    }

    /// `lstat`s the names of frame `top` from `start` on, up to `prefetchWindow` of them,
    /// split across `statThreads` threads. A short run is left to the visit.
    private func prefetch(_ top: Int, from start: Int) {
        let frame = stack[top]
        let end = min(frame.listing.count, start + FileWalker.prefetchWindow)
        stack[top].prefetched = []
        stack[top].prefetchStart = start
        guard frame.fd >= 0 else { return }
        let count = end - start
        // A short run is left to the visit, unless subdirectories are listed ahead (which
        // needs to know them).
        guard count >= 32 || lookAhead != nil, count > 0 else { return }
        var results = [Result<FileStat, StatErrno>](repeating: .failure(StatErrno(code: 0)), count: count)
        let listing = frame.listing, fd = frame.fd
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            // With the look-ahead on, the helper takes the other core: stat here alone.
            let parts = lookAhead != nil ? 1 : max(1, min(statThreads, count / 16))
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                // Each part writes its own slice of `out`.
                for i in (part * count / parts)..<((part + 1) * count / parts) {
                    out[i] = listing.withName(at: start + i) { _, cName in FileStat.at(fd, cName, follow: false) }
                }
            }
        }
        stack[top].prefetched = results
        noteSubdirectories(top)
    }

    /// Subdirectories kept listed ahead of the visit in each directory.
    static let subdirectoriesAhead = 4

    /// Records which prefetched names of frame `top` are subdirectories (for `scheduleAhead`).
    func noteSubdirectories(_ top: Int) {
        guard lookAhead != nil else { return }
        let frame = stack[top]
        var found: [Int] = []
        for (i, result) in frame.prefetched.enumerated() {
            if case .success(let st) = result, st.kind == .directory, st.device == frame.id.device { found.append(frame.prefetchStart + i) }
        }
        stack[top].subdirectories = found
        stack[top].subdirectoriesScheduled = 0
        stack[top].subdirectoriesPassed = 0
    }

    /// Keeps the next `subdirectoriesAhead` subdirectories after name `index` of frame `top`
    /// handed to the look-ahead: while the walk is inside one, the helper lists the next.
    func scheduleAhead(_ top: Int, at index: Int) {
        guard let lookAhead else { return }
        let frame = stack[top]
        while frame.subdirectoriesPassed < frame.subdirectories.count && frame.subdirectories[frame.subdirectoriesPassed] <= index {
            frame.subdirectoriesPassed += 1
        }
        frame.subdirectoriesScheduled = max(frame.subdirectoriesScheduled, frame.subdirectoriesPassed)
        var children: [(name: [CChar], id: FileID, key: [Int32])] = []
        while frame.subdirectoriesScheduled - frame.subdirectoriesPassed < FileWalker.subdirectoriesAhead
                && frame.subdirectoriesScheduled < frame.subdirectories.count {
            let i = frame.subdirectories[frame.subdirectoriesScheduled]
            frame.subdirectoriesScheduled += 1
            guard case .success(let st) = frame.prefetched[i - frame.prefetchStart],
                  !ancestors.contains(st.id), !visited.contains(st.id) else { continue }
            children.append((frame.listing.withName(at: i) { bytes, _ in bytes.map { CChar(bitPattern: $0) } + [0] }, st.id,
                             frame.key + [Int32(truncatingIfNeeded: i)]))
        }
        if !children.isEmpty && frame.fd >= 0 {
            if frame.sharedFD == nil {
                let copy = fcntl(frame.fd, F_DUPFD_CLOEXEC, 0)
                if copy >= 0 { frame.sharedFD = DirectoryLookAhead.SharedDescriptor(copy) }
            }
            if let shared = frame.sharedFD { lookAhead.schedule(parent: frame.id, parentFD: shared, children: children) }
        }
    }

    /// Whether the current entry's relative path or base name matches an exclude pattern.
    private func isExcluded(baseName: UnsafePointer<CChar>) -> Bool {
        path.append(0)
        defer { path.removeLast() }
        return path.withUnsafeBufferPointer { buffer in
            let whole = UnsafeRawPointer(buffer.baseAddress!)
            return excludes.matches(path: whole.assumingMemoryBound(to: CChar.self),
                                    relative: (whole + rootPrefixLength + 1).assumingMemoryBound(to: CChar.self),
                                    baseName: baseName)
        }
    }

    /// Turns a stat result into a file event, a skip, or a directory to enter.
    private func classify(_ st: FileStat, name: UnsafePointer<CChar>, nameBytes: UnsafeBufferPointer<UInt8>,
                          parent: DirectoryFrame, viaSymlink: Bool) -> WalkEvent? {
        if options.oneFileSystem && st.device != rootDevice {
            return status(.skipped(StatusReason.otherFileSystem))
        }
        switch st.kind {
        case .regular:
            // A link may lead out of the tree onto /proc or /sys (e.g. to /proc/self/environ).
            if viaSymlink && st.device != parent.id.device && PseudoFileSystem.contains(dirfd: parent.fd, name: name, follow: true) {
                return status(.skipped(StatusReason.pseudoFS))
            }
            return fileEvent(st, viaSymlink: viaSymlink)
        case .directory:
            return enterDirectory(st, name: name, nameBytes: nameBytes, parent: parent, viaSymlink: viaSymlink)
        default:
            return status(.skipped(st.skipReason ?? StatusReason.unknownType))
        }
    }

    /// A `.file` event for the current path, or `skipped(too_large)`.
    func fileEvent(_ st: FileStat, viaSymlink: Bool) -> WalkEvent {
        if let max = options.maxFileSize, st.size > max { return status(.skipped(StatusReason.tooLarge)) }
        // An ASCII path is its own bytes: the file need not carry a second copy.
        var ascii = true
        for b in path where b >= 0x80 { ascii = false; break }
        return .file(WalkedFile(path: displayPath, pathBytes: ascii ? nil : path, size: st.size, device: st.device,
                                inode: st.inode, mtime: st.mtime, viaSymlink: viaSymlink))
    }
}
