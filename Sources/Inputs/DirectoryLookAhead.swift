import Foundation
import Glibc

/// Lists directories ahead of a `FileWalker` on a helper thread, so that the walk, which
/// must stay in order, rarely waits on `getdents` and `lstat`.
///
/// The walker keeps the next few subdirectories after its position in each directory (it
/// knows them from the stat results of a window of names) scheduled here, each with its
/// position in the depth-first walk. The helper always takes the pending job the walk will
/// reach first, so it works just ahead of the walker; when the walker needs a directory
/// the helper has not started, it lists that one itself. For each it opens the
/// directory through a duplicate of its parent's descriptor (`O_NOFOLLOW`, device and inode
/// checked), lists it, and `lstat`s its first window of names. When the walker enters a
/// directory it takes the result if there is one, waits if the helper is on it, and
/// otherwise does the work itself. Nothing here decides anything about the walk: results
/// are the same bytes the walker would have read, taken a moment earlier.
///
/// Bounded: at most `limit` directories are pending or held (each holds one descriptor
/// and one window of stat results); more are left to the walker.
final class DirectoryLookAhead: @unchecked Sendable {
    // @unchecked Sendable: all state is guarded by `condition`; a job's fields are read by
    // the helper only after it has taken the job off the pending list under the lock.

    /// A directory listed ahead.
    struct Listed {
        let fd: Int32
        let listing: DirectoryListing
        let failure: Int32?
        /// `lstat` results of the first `stats.count` names.
        let stats: [Result<FileStat, StatErrno>]
    }

    /// A descriptor closed when the last job using it is done.
    final class SharedDescriptor: @unchecked Sendable {
        let fd: Int32
        init(_ fd: Int32) { self.fd = fd }
        deinit { close(fd) }
    }

    private enum State {
        case pending(parentFD: SharedDescriptor, name: [CChar])
        case running
        case done(Listed?)
    }

    private struct Job {
        let parent: FileID
        /// Position in the depth-first walk (see `DirectoryFrame.key`).
        let key: [Int32]
        var state: State
        var discarded = false
    }

    static let limit = 48
    private let window: Int
    private let condition = NSCondition()
    private var jobs: [FileID: Job] = [:]
    /// Jobs not started; the helper takes the one first in walk order.
    private var pending: [FileID] = []
    private var stopping = false
    private var threadStarted = false
    private var helperWaiting = false

    /// `window`: names to `lstat` ahead in each listed directory.
    init(window: Int) {
        self.window = window
    }

    /// Schedules subdirectories of `parent` (open at `parentFD`), in the order the walk will
    /// enter them, as far as the bound allows; the first is listed first.
    func schedule(parent: FileID, parentFD shared: SharedDescriptor, children: [(name: [CChar], id: FileID, key: [Int32])]) {
        guard !children.isEmpty else { return }
        condition.lock()
        defer { condition.unlock() }
        guard !stopping else { return }
        let room = DirectoryLookAhead.limit - jobs.count
        guard room > 0 else { return }
        var taken = 0
        for child in children where jobs[child.id] == nil {
            if taken == room { break }
            jobs[child.id] = Job(parent: parent, key: child.key, state: .pending(parentFD: shared, name: child.name))
            pending.append(child.id)
            taken += 1
        }
        if !threadStarted {
            threadStarted = true
            let thread = Thread { [self] in self.helperLoop() }
            thread.stackSize = 1 << 20
            thread.start()
        }
        if helperWaiting { condition.broadcast() }
    }

    /// The listing of directory `id` if it was scheduled: waits while the helper works on
    /// it; nil when it was never scheduled, not started yet (the caller lists it), or failed.
    func take(_ id: FileID) -> Listed? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            guard let job = jobs[id] else { return nil }
            switch job.state {
            case .pending:
                jobs[id] = nil
                if let i = pending.lastIndex(of: id) { pending.remove(at: i) }
                return nil
            case .running:
                // Rather than wait idle, list the next pending directory meanwhile.
                if !runNextPending() { condition.wait() }
            case .done(let listed):
                jobs[id] = nil
                return listed
            }
        }
    }

    /// Takes the pending job the walk reaches first, lists it with the lock released, and
    /// records the result; false when nothing is pending. Called with the lock held, by the
    /// helper and by a walker that would otherwise wait.
    private func runNextPending() -> Bool {
        guard !pending.isEmpty else { return false }
        // The pending job the walk reaches first: the next directory it enters, or one of
        // that directory's own subdirectories.
        var first = 0
        for i in 1..<pending.count where jobs[pending[i]]!.key.lexicographicallyPrecedes(jobs[pending[first]]!.key) { first = i }
        let id = pending.remove(at: first)
        guard let job = jobs[id], case .pending(let parentFD, let name) = job.state else { return true }
        jobs[id]?.state = .running
        condition.unlock()
        let listed = list(parentFD: parentFD.fd, name: name, expected: id)
        condition.lock()
        if jobs[id]?.discarded ?? true {
            if let fd = listed?.fd { close(fd) }
            jobs[id] = nil
        } else {
            jobs[id]?.state = .done(listed)
        }
        condition.broadcast()
        return true
    }

    /// Drops what is still held for children of `parent` (the walk left it).
    func discardChildren(of parent: FileID) {
        condition.lock()
        defer { condition.unlock() }
        for (id, job) in jobs where job.parent == parent {
            switch job.state {
            case .pending:
                jobs[id] = nil
                if let i = pending.lastIndex(of: id) { pending.remove(at: i) }
            case .running:
                jobs[id]?.discarded = true
            case .done(let listed):
                if let fd = listed?.fd { close(fd) }
                jobs[id] = nil
            }
        }
    }

    /// Stops the helper and closes every descriptor held (the walker is going away).
    func shutdown() {
        condition.lock()
        stopping = true
        pending.removeAll()
        for (id, job) in jobs {
            switch job.state {
            case .pending: jobs[id] = nil
            case .running: jobs[id]?.discarded = true
            case .done(let listed):
                if let fd = listed?.fd { close(fd) }
                jobs[id] = nil
            }
        }
        condition.broadcast()
        condition.unlock()
    }

    private func helperLoop() {
        condition.lock()
        while true {
            while pending.isEmpty && !stopping {
                helperWaiting = true
                condition.wait()
                helperWaiting = false
            }
            if stopping && pending.isEmpty { break }
            _ = runNextPending()
        }
        condition.unlock()
    }

    /// Opens, checks and lists one directory, and stats its first window of names.
    private func list(parentFD: Int32, name: [CChar], expected: FileID) -> Listed? {
        let fd = name.withUnsafeBufferPointer { openat(parentFD, $0.baseAddress!, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW) }
        guard fd >= 0 else { return nil }
        guard case .success(let st) = FileStat.of(fd), st.id == expected, st.kind == .directory else {
            close(fd)
            return nil
        }
        let (listing, failure) = DirectoryListing.read(fd: fd)
        var stats: [Result<FileStat, StatErrno>] = []
        let count = min(listing.count, window)
        stats.reserveCapacity(count)
        for i in 0..<count {
            stats.append(listing.withName(at: i) { _, cName in FileStat.at(fd, cName, follow: false) })
        }
        return Listed(fd: fd, listing: listing, failure: failure, stats: stats)
    }
}
