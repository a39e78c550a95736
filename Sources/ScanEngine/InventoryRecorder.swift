import Containers
import Foundation
import Inputs
import Inventory
import ScanCore

/// The inventory's side of a scan: decides which walked files need reading, replays the
/// stored result of the others, and records every object's result in batched transactions.
///
/// The rescan decision is keyed on the top-level walked file: every finding it produced,
/// whatever its inner (`!/`) location, is stored under it and replayed with it.
public final class InventoryRecorder: ScanObserver, @unchecked Sendable {
    // @unchecked Sendable: mutable state is guarded by `lock`; `store` is thread-safe.
    let store: InventoryStore
    let journal: InflightJournal
    /// This run's id.
    public let run: Int64
    let rulesDigest: String, limitsDigest: String
    /// The objects known under the roots and their live findings (when not too many to
    /// hold), read on another thread while the walk starts.
    let knownTask: BackgroundTask<KnownState>
    let roots: [String]
    let normalizedRoots: [String]
    /// What a location under each root starts with (`root/`, or `/` for the root `/`).
    let rootPrefixes: [String]
    let rootPrefixBytes: [[UInt8]]
    let startNs: Int64
    let options: InventoryOptions
    let abortOn: String?
    /// Runs whose rules and limits digests are this run's.
    let validRuns: Set<Int64>
    /// Sizes for which content already scanned elsewhere may exist (see `reuseDecision`),
    /// loaded when the first file must be read (a refresh of an unchanged tree needs none).
    private var reusableSizesLoaded: Set<UInt64>?
    /// The container formats: only a file scanned as plain text may reuse findings.
    let registry: HandlerRegistry
    /// Each root's device and inode at the start of the run.
    let rootIDs: [String: (UInt64, UInt64)]

    private let lock = NSLock()
    private var pending: [ObjectRecord] = []
    private var lastFlush = Date()
    private var failure: InventoryError?
    /// Objects walked per root (index in `roots`; the last slot: under none). Only the
    /// walker thread counts; `finish` reads the counts after the walk.
    private var walkedObjects: [Int]
    private var rootErrors: [String: String] = [:]
    private var unwalked: [String: [String]] = [:]
    private var walkComplete = false
    /// Objects replayed without reading, and objects read.
    public private(set) var replayed = 0, scanned = 0, reused = 0

    /// Objects per commit (`$TRAWL_INVENTORY_BATCH` overrides it, for tests that need many
    /// commits in a small tree), and the longest a result waits for its commit.
    static let batchObjects = ProcessInfo.processInfo.environment["TRAWL_INVENTORY_BATCH"].flatMap(Int.init).map { max(1, $0) } ?? 512
    static let batchSeconds = 1.0
    /// A file whose mtime is this close to the run start may still change within the same
    /// time stamp tick unseen: it is scanned again next run (like git's "racy" index entries).
    static let timestampGranularityNs: Int64 = 1_000_000_000

    init(store: InventoryStore, journal: InflightJournal, run: Int64, rulesDigest: String, limitsDigest: String,
         known: BackgroundTask<KnownState>, validRuns: Set<Int64>,
         registry: HandlerRegistry, roots: [String], startNs: Int64, options: InventoryOptions) {
        self.registry = registry
        self.validRuns = validRuns
        if options.forceRescan { reusableSizesLoaded = [] }
        self.store = store
        self.journal = journal
        self.run = run
        self.rulesDigest = rulesDigest
        self.limitsDigest = limitsDigest
        self.knownTask = known
        self.roots = roots
        self.normalizedRoots = roots.map { r in
            var r = r
            while r.count > 1 && r.hasSuffix("/") { r.removeLast() }
            return r
        }
        self.rootPrefixes = normalizedRoots.map { $0 == "/" ? "/" : $0 + "/" }
        self.rootPrefixBytes = rootPrefixes.map { Array($0.utf8) }
        self.walkedObjects = [Int](repeating: 0, count: roots.count + 1)
        self.startNs = startNs
        self.options = options
        // Test hook (documented in the README): abort inside the named file, after it is
        // journaled as in flight, to simulate a file that crashes a C library.
        let env = ProcessInfo.processInfo.environment["TRAWL_TEST_ABORT_ON"]
        self.abortOn = (env?.isEmpty ?? true) ? nil : env
        var ids: [String: (UInt64, UInt64)] = [:]
        for r in roots {
            var st = stat()
            if stat(r, &st) == 0 { ids[r] = (UInt64(st.st_dev), UInt64(st.st_ino)) }
        }
        self.rootIDs = ids
    }

    /// The root a location belongs to (longest match).
    func root(of location: String) -> String {
        let i = rootIndex(of: location)
        return i < roots.count ? roots[i] : location
    }

    /// The index in `roots` of the root a location belongs to (longest match), or
    /// `roots.count` when none (compared as bytes).
    func rootIndex(of location: String) -> Int {
        var location = location
        return location.withUTF8 { loc in
            var best = roots.count, bestLength = -1
            for i in 0..<rootPrefixBytes.count {
                let prefix = rootPrefixBytes[i]
                // `root/...`, or the root itself (the prefix without its slash).
                let n = prefix.count
                let under = loc.count >= n && memcmp(loc.baseAddress!, prefix, n) == 0
                    || (loc.count == n - 1 && n > 1 && memcmp(loc.baseAddress!, prefix, n - 1) == 0)
                if under && n > bestLength { best = i; bestLength = n }
            }
            return best
        }
    }

    // MARK: ScanObserver

    public var stopRequested: Bool {
        lock.lock(); defer { lock.unlock() }
        return failure != nil
    }

    public func walked(_ event: WalkEvent) {
        switch event {
        case .file(let f):
            walkedObjects[rootIndex(of: f.path)] += 1
        case .status(let path, let status):
            let r = root(of: path)
            let known = knownState()?.index
            lock.lock()
            if normalizedRoots.contains(path) || roots.contains(path) {
                if case .error = status { rootErrors[r] = status.description }
                if case .skipped = status { rootErrors[r] = status.description }
            } else {
                walkedObjects[rootIndex(of: path)] += 1
                if let known, let n = known.find(path) { known.markSeen(n) }
                unwalked[r, default: []].append(path)
                pending.append(ObjectRecord(location: path, root: r, status: status, findings: []))
            }
            lock.unlock()
            flushIfDue()
        }
    }

    public func walkFinished() {
        lock.lock(); walkComplete = true; lock.unlock()
    }

    public func decide(_ files: [WalkedFile]) -> [ReadDecision] {
        if stopRequested { return files.map { _ in .drop } }
        guard let state = knownState() else { return files.map { _ in .drop } }
        var replays = 0
        var lastValidRun: Int64?   // the run most objects were scanned in, checked once
        let decisions = zip(files, state.index.find(files.map(\.path))).map { file, n -> ReadDecision in
            guard let n else { return .read }
            state.index.markSeen(n)
            let facts = state.index.replayFacts(at: n, device: file.device, inode: file.inode, size: file.size, mtimeNs: file.mtime.ns)
            guard let decision = replayDecision(file, facts, preloaded: state.preloaded, lastValidRun: &lastValidRun) else { return .read }
            if case .replay = decision { replays += 1 }
            return decision
        }
        if replays > 0 {
            lock.lock()
            replayed += replays
            lock.unlock()
        }
        return decisions
    }

    /// The known objects (waits for them the first time); nil when they could not be read,
    /// which stops the run.
    private func knownState() -> KnownState? {
        do { return try knownTask.value() } catch {
            fail(InventoryError.wrap(error, path: store.path, while: "loading objects"))
            return nil
        }
    }

    public func willRead(_ file: WalkedFile) -> ReadDecision {
        if stopRequested { return .drop }
        journal.begin(location: file.path, root: root(of: file.path), device: file.device, inode: file.inode,
                      size: file.size, mtimeNs: file.mtime.ns)
        if let abortOn, (file.path as NSString).lastPathComponent == abortOn { abort() }
        if reusableSizes().contains(file.size), let decision = reuseDecision(file) { return decision }
        return .read
    }

    /// See `reusableSizesLoaded`; empty (no reuse) when the inventory cannot be read.
    private func reusableSizes() -> Set<UInt64> {
        lock.lock()
        defer { lock.unlock() }
        if let loaded = reusableSizesLoaded { return loaded }
        let sizes = (try? store.digestSizes(rulesDigest: rulesDigest, limitsDigest: limitsDigest)) ?? []
        reusableSizesLoaded = sizes
        return sizes
    }

    /// A replay when the stored result still holds for this file; nil to read it.
    /// `lastValidRun` remembers a scanned run found among the valid runs.
    private func replayDecision(_ file: WalkedFile, _ k: KnownObjectIndex.ReplayFacts, preloaded: [Int64: [StoredFinding]]?,
                                lastValidRun: inout Int64?) -> ReadDecision? {
        guard k.sameFile, !options.forceRescan else { return nil }
        let crashed = k.status == KnownObjectIndex.error && k.reason == "crashed"
        if crashed {
            guard !options.retryCrashed else { return nil }
        } else {
            guard let scannedRun = k.scannedRun else { return nil }
            if scannedRun != lastValidRun {
                guard validRuns.contains(scannedRun) else { return nil }
                lastValidRun = scannedRun
            }
            switch k.status {
            case KnownObjectIndex.complete, KnownObjectIndex.skipped: break
            case KnownObjectIndex.partial where !(k.reason ?? "").hasPrefix("io"): break
            default: return nil
            }
        }
        var findings: [Finding] = []
        if k.findingCount > 0 {
            do {
                for f in try preloaded.map({ $0[k.id] ?? [] }) ?? store.liveFindings(objectID: k.id) {
                    let finding = f.finding
                    for _ in 0..<max(1, f.count) { findings.append(finding) }
                }
            } catch {
                fail(InventoryError.wrap(error, path: store.path, while: "reading findings"))
                return .drop
            }
        }
        return .replay(ObjectResult(location: file.path, status: k.objectStatus, bytes: 0, findingCount: findings.count), findings)
    }

    /// For a new or changed file whose size matches content scanned before: hashes its text
    /// (a read without detection) and, when a complete object with the same digest exists,
    /// copies that object's findings under this file's location instead of detecting again.
    ///
    /// The stored digest is of the text the detector saw for an object without inner
    /// objects, so equal digests mean equal findings, provided this file too is scanned as
    /// plain text: a file a container handler would take (by content or name) is read normally.
    private func reuseDecision(_ file: WalkedFile) -> ReadDecision? {
        guard isPlainText(file) else { return nil }
        var digest = ContentDigest()
        guard let read = try? ChunkedReader.read(path: file.path, expected: file, body: { digest.update($0) }),
              read.status == .complete else { return nil }
        let text = digest.finish()
        let findings: [StoredFinding]
        let source: String
        do {
            guard let match = try store.object(withDigest: text, rulesDigest: rulesDigest, limitsDigest: limitsDigest) else { return nil }
            source = match.location
            findings = try store.liveFindings(objectID: match.id)
        } catch {
            return nil
        }
        let relocated = findings.map { f -> StoredFinding in
            var f = f
            if f.location == source { f.location = file.path }
            else if f.location.hasPrefix(source + "!/") { f.location = file.path + f.location.dropFirst(source.count) }
            return f
        }
        journal.end()
        let record = ObjectRecord(location: file.path, root: root(of: file.path), device: file.device, inode: file.inode,
                                  size: file.size, mtimeNs: file.mtime.ns, contentDigest: text, status: .complete,
                                  findings: relocated, rescan: file.mtime.ns >= startNs - InventoryRecorder.timestampGranularityNs)
        var out: [Finding] = []
        for f in relocated { for _ in 0..<max(1, f.count) { out.append(f.finding) } }
        lock.lock()
        pending.append(record)
        reused += 1
        lock.unlock()
        flushIfDue()
        return .replay(ObjectResult(location: file.path, status: .complete, bytes: read.bytesRead, findingCount: out.count), out)
    }

    /// Whether no handler claims the file (its first 64 KiB and name), as `ObjectScanner` decides.
    private func isPlainText(_ file: WalkedFile) -> Bool {
        guard let f = try? ReadOnlyFile(pathBytes: file.pathBytes, displayPath: file.path, followSymlink: file.viaSymlink) else { return false }
        var prefix = [UInt8](repeating: 0, count: TextSniffer.sampleSize)
        var filled = 0
        while filled < prefix.count {
            let at = filled
            guard let n = try? prefix.withUnsafeMutableBytes({ try f.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[at...])) }), n > 0 else { break }
            filled += n
        }
        let name = ObjectScanner.lastComponent(file.path)
        return prefix.withUnsafeBytes { registry.sniff(prefix: UnsafeRawBufferPointer(rebasing: $0[0..<filled]), name: name) } == nil
    }

    public func didRead(_ file: WalkedFile, result: ObjectResult, findings: [Finding], digest: String?) {
        journal.end()
        let record = ObjectRecord(location: file.path, root: root(of: file.path), device: file.device, inode: file.inode,
                                  size: file.size, mtimeNs: file.mtime.ns, contentDigest: digest, status: result.status,
                                  findings: StoredFinding.fold(findings),
                                  rescan: file.mtime.ns >= startNs - InventoryRecorder.timestampGranularityNs)
        lock.lock()
        pending.append(record)
        scanned += 1
        lock.unlock()
        flushIfDue()
    }

    // MARK: batching

    private func fail(_ error: InventoryError) {
        lock.lock()
        if failure == nil { failure = error }
        lock.unlock()
    }

    private func flushIfDue() {
        lock.lock()
        let due = pending.count >= InventoryRecorder.batchObjects
            || !pending.isEmpty && Date().timeIntervalSince(lastFlush) >= InventoryRecorder.batchSeconds
        lock.unlock()
        if due { flush() }
    }

    /// Commits what is pending in one transaction.
    func flush() {
        lock.lock()
        guard failure == nil else { lock.unlock(); return }
        let objects = pending
        pending = []
        lastFlush = Date()
        lock.unlock()
        do {
            try store.write(run: run, objects: objects)
        } catch {
            fail(InventoryError.wrap(error, path: store.path, while: "recording objects"))
        }
    }

    /// Ends the run: last commit, then deletions and `complete` when the walk finished,
    /// or `failed` and the error.
    func finish() throws -> DeletionReport {
        flush()
        _ = knownState() // records the failure when the objects could not be read
        lock.lock()
        let failure = self.failure, complete = walkComplete
        var seenCount: [String: Int] = [:]
        for (i, r) in roots.enumerated() { seenCount[r, default: 0] += walkedObjects[i] }
        let outcomes = roots.map { r in
            RootOutcome(root: r, device: rootIDs[r]?.0, inode: rootIDs[r]?.1, walkComplete: complete, error: rootErrors[r],
                        unwalked: unwalked[r] ?? [], seenCount: seenCount[r] ?? 0)
        }
        lock.unlock()
        if let failure {
            store.failRun(run)
            throw failure
        }
        let known = try knownTask.value().index
        let report = try store.finishRun(run, roots: outcomes, known: known, confirmMassDelete: options.confirmMassDelete)
        journal.reset()
        return report
    }
}

extension FileTime {
    /// Nanoseconds since the epoch.
    var ns: Int64 { seconds &* 1_000_000_000 &+ Int64(nanoseconds) }
}

/// What a run knows from the inventory before it reads anything.
struct KnownState: Sendable {
    /// The objects of the run's roots.
    let index: KnownObjectIndex
    /// Their live findings by object id, or nil when there are too many to hold.
    let preloaded: [Int64: [StoredFinding]]?
}

/// A value computed on its own thread, waited for with `value()`.
final class BackgroundTask<T: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: `result` is written once by the thread before `done` is
    // signalled, and read only after waiting on it.
    private var result: Result<T, Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () throws -> T) {
        let thread = Thread { [self] in
            result = Result(catching: body)
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The value, or the error the body threw (waits for the thread).
    func value() throws -> T {
        done.wait()
        done.signal()
        return try result!.get()
    }
}
