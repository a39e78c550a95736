import Glibc
import ScanCore

/// Roots, entering and leaving directories, and the open-descriptor cap.
extension FileWalker {
    /// Starts walking one root: a file is yielded, a directory is pushed.
    func startRoot(_ root: String) -> WalkEvent? {
        path = Array(root.utf8)
        var st: FileStat
        switch FileStat.at(AT_FDCWD, root, follow: false) {
        case .success(let s): st = s
        case .failure(let e): return status(.error(StatusReason.forErrno(e.code)))
        }
        var viaSymlink = false
        if st.kind == .symlink {
            guard options.followSymlinks else { return status(.error(StatusReason.rootIsSymlink)) }
            switch FileStat.at(AT_FDCWD, root, follow: true) {
            case .success(let s): st = s
            case .failure(let e) where e.code == ELOOP: return status(.skipped(StatusReason.loop))
            case .failure(let e): return status(.error(StatusReason.forErrno(e.code)))
            }
            viaSymlink = true
        }
        rootDevice = st.device
        switch st.kind {
        case .regular:
            if PseudoFileSystem.contains(dirfd: AT_FDCWD, name: root, follow: viaSymlink) {
                return status(.skipped(StatusReason.pseudoFS))
            }
            return fileEvent(st, viaSymlink: viaSymlink)
        case .directory:
            break
        default:
            return status(.skipped(st.skipReason ?? StatusReason.unknownType))
        }
        if visited.contains(st.id) { return status(.skipped(StatusReason.duplicate)) }
        let flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | (viaSymlink ? 0 : O_NOFOLLOW)
        let fd = open(root, flags)
        guard fd >= 0 else { return openFailure(errno, followed: viaSymlink) }
        return adopt(fd: fd, expected: st.id, name: [0], followed: viaSymlink, checkPseudo: true, isRoot: true)
    }

    /// Opens a subdirectory of `parent` and pushes it, or says why it is not entered.
    func enterDirectory(_ st: FileStat, name: UnsafePointer<CChar>, nameBytes: UnsafeBufferPointer<UInt8>,
                        parent: DirectoryFrame, viaSymlink: Bool) -> WalkEvent? {
        if ancestors.contains(st.id) { return status(.skipped(StatusReason.loop)) }
        if visited.contains(st.id) { return status(.skipped(StatusReason.duplicate)) }
        var cName = nameBytes.map { CChar(bitPattern: $0) }
        cName.append(0)
        if !viaSymlink, statThreads > 1, let listed = lookAhead?.take(st.id) {
            return adopt(fd: listed.fd, expected: st.id, name: cName, followed: false,
                         checkPseudo: st.device != parent.id.device, isRoot: false, listed: listed)
        }
        let fd = openat(parent.fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (viaSymlink ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { return openFailure(errno, followed: viaSymlink) }
        return adopt(fd: fd, expected: st.id, name: cName, followed: viaSymlink,
                     checkPseudo: st.device != parent.id.device, isRoot: false)
    }

    /// The status for a directory that could not be opened.
    private func openFailure(_ code: Int32, followed: Bool) -> WalkEvent {
        switch code {
        case ELOOP where !followed: return status(.skipped(StatusReason.symlink)) // swapped for a link
        case ELOOP: return status(.skipped(StatusReason.loop))
        case ENOTDIR: return status(.error(StatusReason.replaced))
        default: return status(.error(StatusReason.forErrno(code)))
        }
    }

    /// Checks an opened directory (identity, pseudo file system), lists it and pushes it.
    private func adopt(fd: Int32, expected: FileID, name: [CChar], followed: Bool,
                       checkPseudo: Bool, isRoot: Bool, listed: DirectoryLookAhead.Listed? = nil) -> WalkEvent? {
        guard case .success(let st) = FileStat.of(fd), st.id == expected, st.kind == .directory else {
            close(fd)
            return status(.error(StatusReason.replaced))
        }
        if checkPseudo && PseudoFileSystem.contains(fd: fd) {
            close(fd)
            return status(.skipped(StatusReason.pseudoFS))
        }
        visited.insert(st.id)
        let (listing, failure) = listed.map { ($0.listing, $0.failure) } ?? DirectoryListing.read(fd: fd)
        let event = failure.map { status(.error(StatusReason.forErrno($0))) }
        if isRoot {
            while let last = path.last, last == UInt8(ascii: "/") { path.removeLast() }
            rootPrefixLength = path.count
        }
        if listing.count == 0 {
            close(fd)
            return event
        }
        let frame = DirectoryFrame(fd: fd, id: st.id, name: name, followed: followed, pathLength: path.count, listing: listing)
        if let parent = stack.last, !isRoot { frame.key = parent.key + [Int32(truncatingIfNeeded: parent.next - 1)] } else { frame.key = [Int32(truncatingIfNeeded: rootIndex)] }
        stack.append(frame)
        ancestors.insert(st.id)
        if let listed, !listed.stats.isEmpty {
            stack[stack.count - 1].prefetched = listed.stats
            noteSubdirectories(stack.count - 1)
        }
        if isRoot { firstOpen = 1 }
        let openCount = 1 + stack.count - firstOpen
        if openCount > FileWalker.maxOpenDirectories && firstOpen < stack.count - 1 {
            close(stack[firstOpen].fd)
            stack[firstOpen].fd = -1
            stack[firstOpen].sharedFD = nil
            firstOpen += 1
        }
        pending = event
        return nil
    }

    /// Leaves the top directory; re-opens the parent if its descriptor was closed.
    func popFrame() -> WalkEvent? {
        let child = stack.removeLast()
        ancestors.remove(child.id)
        if statThreads > 1 { lookAhead?.discardChildren(of: child.id) }
        defer { if child.fd >= 0 { close(child.fd) } }
        let p = stack.count - 1
        guard p > 0, stack[p].fd < 0 else {
            firstOpen = min(firstOpen, max(1, p))
            return nil
        }
        switch reopen(p, from: child.fd) {
        case .success(let fd):
            stack[p].fd = fd
            firstOpen = p
            return nil
        case .failure(let e):
            // Give up on the rest of this directory; its parent is re-opened in turn.
            stack[p].next = stack[p].listing.count
            path.removeSubrange(stack[p].pathLength...)
            let reason = e.code == 0 ? StatusReason.replaced : StatusReason.forErrno(e.code)
            return status(.error(reason))
        }
    }

    /// Re-opens frame `p`: through `..` of its child when that is the same directory,
    /// else name by name from the root frame, checking device+inode at every step.
    private func reopen(_ p: Int, from childFD: Int32) -> Result<Int32, StatErrno> {
        if childFD >= 0 {
            let fd = openat(childFD, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if fd >= 0 {
                if case .success(let st) = FileStat.of(fd), st.id == stack[p].id { return .success(fd) }
                close(fd)
            }
        }
        var current = stack[0].fd
        for i in 1...p {
            let frame = stack[i]
            let fd = frame.name.withUnsafeBufferPointer { name in
                openat(current, name.baseAddress!, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (frame.followed ? 0 : O_NOFOLLOW))
            }
            let code = errno
            if current != stack[0].fd { close(current) }
            guard fd >= 0 else { return .failure(StatErrno(code: code)) }
            guard case .success(let st) = FileStat.of(fd), st.id == frame.id else {
                close(fd)
                return .failure(StatErrno(code: 0))
            }
            current = fd
        }
        return .success(current)
    }
}
