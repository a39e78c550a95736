import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which top-level objects are being read right now, in a small file beside the database
/// (`<db>.inflight`, 0600): one fixed-size slot per worker thread, written with one
/// `pwrite` before the object is opened and cleared after its result is handed on.
///
/// A slot still set when the next run starts means the process died inside that object.
/// Fatal signals (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP) are caught just long
/// enough to flag the slot of the faulting thread `crashed` (one async-signal-safe `pwrite`),
/// then re-raised. SIGKILL cannot be caught: an object in flight at a kill counts an attempt
/// instead, and becomes `error(crashed)` after two runs died inside it. Writing a file slot
/// costs one syscall, not a database commit, so every object can be marked.
public final class InflightJournal: @unchecked Sendable {
    // @unchecked Sendable: slot assignment is guarded by `lock`; each slot is written only
    // by the thread that owns it (and by the signal handler on that same thread).

    /// An object that was in flight when a run died.
    public struct Entry: Sendable, Hashable {
        /// Its location and root.
        public var location: String, root: String
        /// Identity when it was opened.
        public var device: UInt64, inode: UInt64, size: UInt64, mtimeNs: Int64
        /// The process died of a fault signal inside it.
        public var crashed: Bool
    }

    /// Bytes per slot; longer location+root pairs are not journaled (and so cannot be quarantined).
    static let slotSize = 4096
    /// Slots (worker threads) at most.
    static let slotCount = 256
    static let headerSize = 44

    private let fd: Int32
    private let lock = NSLock()
    private var slots: [pthread_t: Int] = [:]
    /// The handlers the fault signals had before, restored when the journal goes away.
    private var previousHandlers: [(Int32, __sighandler_t?)] = []
    static let faultSignals = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// Opens (creating 0600) the journal at `path` and installs the fault handlers.
    public init(path: String) throws {
        try InventoryLocation.createPrivateFile(path)
        fd = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw InventoryError.io(path: path, message: "cannot open in-flight journal: \(String(cString: strerror(errno)))") }
        journalOwners.initialize(repeating: 0, count: InflightJournal.slotCount)
        journalFD = fd
        for sig in InflightJournal.faultSignals { previousHandlers.append((sig, signal(sig, journalFaultHandler))) }
    }

    deinit {
        for (sig, handler) in previousHandlers { signal(sig, handler) }
        journalFD = -1
        close(fd)
    }

    /// The entries left by a run that died (slots still set), without changing the file.
    public func leftovers() -> [Entry] {
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { return [] }
        var out: [Entry] = []
        var buffer = [UInt8](repeating: 0, count: InflightJournal.slotSize)
        for i in 0..<((Int(st.st_size) + InflightJournal.slotSize - 1) / InflightJournal.slotSize) {
            buffer.withUnsafeMutableBytes { _ = memset($0.baseAddress!, 0, $0.count) }
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, InflightJournal.slotSize, off_t(i * InflightJournal.slotSize)) }
            guard n >= InflightJournal.headerSize, buffer[0] == 1 || buffer[0] == 2 else { continue }
            func u64(_ at: Int) -> UInt64 { buffer[at..<at + 8].enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) } }
            let locLen = Int(buffer[40]) | Int(buffer[41]) << 8
            let rootLen = Int(buffer[42]) | Int(buffer[43]) << 8
            let h = InflightJournal.headerSize
            guard h + locLen + rootLen <= n else { continue }
            out.append(Entry(location: String(decoding: buffer[h..<h + locLen], as: UTF8.self),
                             root: String(decoding: buffer[h + locLen..<h + locLen + rootLen], as: UTF8.self),
                             device: u64(8), inode: u64(16), size: u64(24), mtimeNs: Int64(bitPattern: u64(32)),
                             crashed: buffer[0] == 2))
        }
        return out
    }

    /// Empties the journal (after its leftovers are recorded).
    public func reset() { _ = ftruncate(fd, 0) }

    /// Marks the calling thread's slot: this object is about to be opened.
    public func begin(location: String, root: String, device: UInt64, inode: UInt64, size: UInt64, mtimeNs: Int64) {
        let loc = Array(location.utf8), rt = Array(root.utf8)
        let slot = slotForCurrentThread()
        guard slot >= 0, InflightJournal.headerSize + loc.count + rt.count <= InflightJournal.slotSize else { return }
        var b = [UInt8](repeating: 0, count: InflightJournal.headerSize)
        b[0] = 1
        func put(_ v: UInt64, _ at: Int) { for k in 0..<8 { b[at + k] = UInt8(truncatingIfNeeded: v >> (8 * UInt64(k))) } }
        put(device, 8); put(inode, 16); put(size, 24); put(UInt64(bitPattern: mtimeNs), 32)
        b[40] = UInt8(loc.count & 0xff); b[41] = UInt8(loc.count >> 8)
        b[42] = UInt8(rt.count & 0xff); b[43] = UInt8(rt.count >> 8)
        let record = b + loc + rt
        _ = record.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, off_t(slot * InflightJournal.slotSize)) }
    }

    /// Clears the calling thread's slot: the object's result was handed on.
    public func end() {
        let slot = slotForCurrentThread()
        guard slot >= 0 else { return }
        var zero: UInt8 = 0
        _ = pwrite(fd, &zero, 1, off_t(slot * InflightJournal.slotSize))
    }

    private func slotForCurrentThread() -> Int {
        let me = pthread_self()
        lock.lock()
        defer { lock.unlock() }
        if let s = slots[me] { return s }
        guard slots.count < InflightJournal.slotCount else { return -1 }
        let s = slots.count
        slots[me] = s
        journalOwners[s] = me
        return s
    }
}

// State the fault handler reads. Set before any handler is installed and never freed, so
// the handler only loads plain memory and calls pthread_self, pwrite, signal and raise.
nonisolated(unsafe) private var journalFD: Int32 = -1
nonisolated(unsafe) private let journalOwners = UnsafeMutablePointer<pthread_t>.allocate(capacity: InflightJournal.slotCount)

private let journalFaultHandler: @convention(c) (Int32) -> Void = { sig in
    let fd = journalFD
    if fd >= 0 {
        let me = pthread_self()
        for i in 0..<InflightJournal.slotCount where pthread_equal(journalOwners[i], me) != 0 {
            var crashed: UInt8 = 2
            _ = pwrite(fd, &crashed, 1, off_t(i * InflightJournal.slotSize))
        }
    }
    signal(sig, SIG_DFL)
    raise(sig)
}
