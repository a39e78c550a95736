import Foundation
import GRDB
import ScanCore

/// The SQLite inventory: runs, objects and findings (fingerprints and masked previews only).
///
/// One `DatabaseQueue` (GRDB serialises every access on it, so the store may be used from
/// several scan threads). Opened for writing only under the `WriterLock`; read commands open
/// it without the lock and read a consistent WAL snapshot while a scan writes.
public final class InventoryStore: @unchecked Sendable {
    // @unchecked Sendable: `queue` is GRDB's thread-safe DatabaseQueue; the other members are immutable.
    /// The database file.
    public let path: String
    let queue: DatabaseQueue
    /// Held for the life of a writer (nil for readers).
    let lock: WriterLock?

    /// Share of a root's known objects that may disappear in one run before deletions are
    /// held back for `--confirm-mass-delete`: a share unmounted or emptied by mistake must
    /// not wipe the inventory.
    public static let massDeleteShare = 0.5

    private init(path: String, queue: DatabaseQueue, lock: WriterLock?) {
        self.path = path
        self.queue = queue
        self.lock = lock
    }

    /// Opens (creating when missing) the inventory for a scan: takes the writer lock
    /// (waiting up to `wait` seconds), applies migrations, and marks runs left `running`
    /// by a dead process as `aborted`.
    public static func openWriter(path: String, wait: Double = 0) throws -> InventoryStore {
        try InventoryLocation.prepare(path)
        let lock = try WriterLock(path: InventoryLocation.lockPath(for: path), wait: wait)
        let queue = try open(path: path)
        let store = InventoryStore(path: path, queue: queue, lock: lock)
        try store.guarded("migrating") {
            try queue.writeWithoutTransaction { db in
                try InventorySchema.migrate(db, path: path)
                try db.execute(sql: "UPDATE runs SET status = 'aborted' WHERE status = 'running'")
            }
        }
        return store
    }

    /// Opens an existing inventory for reading, without the writer lock (works during a scan).
    public static func openReader(path: String) throws -> InventoryStore {
        guard FileManager.default.fileExists(atPath: path) else { throw InventoryError.missing(path: path) }
        let queue = try open(path: path)
        let store = InventoryStore(path: path, queue: queue, lock: nil)
        try store.guarded("reading the schema version") {
            let v = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
            if v > InventorySchema.currentVersion { throw InventoryError.tooNew(path: path, version: v) }
            if v < InventorySchema.currentVersion { throw InventoryError.io(path: path, message: "schema version \(v) is older than this trawl's; run `trawl scan` once to migrate") }
        }
        return store
    }

    private static func open(path: String) throws -> DatabaseQueue {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // Freed pages are overwritten, so deleted fingerprints and previews do not linger.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // Each run reads every object of its roots: map the file and keep a large cache
            // rather than one pread per page.
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            try queue.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                // NORMAL in WAL mode: a commit survives a killed process (it is in the OS
                // cache); only a power cut may lose the last commits, never consistency.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            return queue
        } catch {
            throw InventoryError.wrap(error, path: path, while: "opening")
        }
    }

    /// Runs `body`, turning database errors into `InventoryError.io`.
    func guarded<T>(_ doing: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw InventoryError.wrap(error, path: path, while: doing) }
    }

    // MARK: runs

    /// Starts a run and returns its id.
    public func beginRun(toolVersion: String, rulesDigest: String, limitsDigest: String, roots: [String], startedNs: Int64, changedOnly: Bool) throws -> Int64 {
        let rootsJSON = String(decoding: (try? JSONSerialization.data(withJSONObject: roots)) ?? Data("[]".utf8), as: UTF8.self)
        return try guarded("starting a run") {
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO runs(started_ns, status, pid, tool_version, rules_digest, limits_digest, roots, changed_only)
                    VALUES (?, 'running', ?, ?, ?, ?, ?, ?)
                    """, arguments: [startedNs, Int64(getpid()), toolVersion, rulesDigest, limitsDigest, rootsJSON, changedOnly])
                return db.lastInsertedRowID
            }
        }
    }

    /// The latest complete run before `run` (nil when none).
    public func lastCompleteRun(before run: Int64 = Int64.max) throws -> Int64? {
        try guarded("reading runs") {
            try queue.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM runs WHERE status = 'complete' AND id < ?", arguments: [run]) }
        }
    }

    /// Marks a run `failed` (best effort: the disk may be full).
    public func failRun(_ run: Int64) {
        _ = try? queue.write { db in
            try db.execute(sql: "UPDATE runs SET status = 'failed', finished_ns = ? WHERE id = ?", arguments: [Clock.nowNs(), run])
        }
    }

    // MARK: objects

    /// Every object of `roots` not marked deleted, by location.
    public func knownObjects(roots: [String]) throws -> [String: KnownObject] {
        try guarded("loading objects") {
            try queue.read { db in
                var out: [String: KnownObject] = [:]
                out.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM objects") ?? 0)
                for root in roots {
                    // Columns by index: this loads every object of the roots at the start of each run.
                    let rows = try Row.fetchCursor(db, sql: """
                        SELECT id, location, device, inode, size, mtime_ns, status, reason, last_scanned_run,
                               finding_count, rescan, attempts
                        FROM objects WHERE root = ? AND status != 'deleted'
                        """, arguments: [root])
                    while let r = try rows.next() {
                        let location: String = r[1]
                        out[location] = KnownObject(
                            id: r[0], root: root, device: (r[2] as Int64?).map(UInt64.init(bitPattern:)),
                            inode: (r[3] as Int64?).map(UInt64.init(bitPattern:)),
                            size: (r[4] as Int64?).map(UInt64.init(bitPattern:)), mtimeNs: r[5],
                            status: r[6], reason: r[7], scannedRun: r[8],
                            findingCount: r[9], rescan: (r[10] as Int) != 0, attempts: r[11])
                    }
                }
                return out
            }
        }
    }

    /// Runs whose rules and limits digests are these: objects they read are still valid.
    public func runs(rulesDigest: String, limitsDigest: String) throws -> Set<Int64> {
        try guarded("reading runs") {
            try queue.read { db in
                Set(try Int64.fetchAll(db, sql: "SELECT id FROM runs WHERE rules_digest = ? AND limits_digest = ?", arguments: [rulesDigest, limitsDigest]))
            }
        }
    }

    /// The live findings of every object of `roots`, by object id, in the order found; nil
    /// when there are more than `limit` (the caller then reads them object by object).
    public func liveFindingsByObject(roots: [String], limit: Int) throws -> [Int64: [StoredFinding]]? {
        try guarded("loading findings") {
            try queue.read { db in
                var out: [Int64: [StoredFinding]] = [:]
                var n = 0
                for root in roots {
                    let rows = try Row.fetchCursor(db, sql: """
                        SELECT object_id, location, kind, detector, category, confidence, line, page, member_start, member_end, masked, fingerprint, count
                        FROM findings WHERE removed_run IS NULL AND object_id IN (SELECT id FROM objects WHERE root = ? AND status != 'deleted')
                        ORDER BY id
                        """, arguments: [root])
                    while let r = try rows.next() {
                        n += 1
                        if n > limit { return nil }
                        out[r[0], default: []].append(StoredFinding(
                            location: r[1], kind: r[2], detector: r[3], category: r[4], confidence: r[5], line: r[6], page: r[7],
                            memberStart: r[8], memberEnd: r[9], masked: r[10], fingerprint: r[11], count: r[12]))
                    }
                }
                return out
            }
        }
    }

    /// The live findings of an object, in the order they were found.
    public func liveFindings(objectID: Int64) throws -> [StoredFinding] {
        try guarded("reading findings") {
            try queue.read { db in try InventoryStore.liveFindings(db, objectID: objectID).map(\.1) }
        }
    }

    static func liveFindings(_ db: Database, objectID: Int64) throws -> [(Int64, StoredFinding)] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, location, kind, detector, category, confidence, line, page, member_start, member_end, masked, fingerprint, count
            FROM findings WHERE object_id = ? AND removed_run IS NULL ORDER BY id
            """), arguments: [objectID]).map { r in
            (r["id"], StoredFinding(location: r["location"], kind: r["kind"], detector: r["detector"], category: r["category"],
                                    confidence: r["confidence"], line: r["line"], page: r["page"], memberStart: r["member_start"],
                                    memberEnd: r["member_end"], masked: r["masked"], fingerprint: r["fingerprint"], count: r["count"]))
        }
    }

    /// A complete object elsewhere with the same content digest, scanned with the same rules and limits.
    public func object(withDigest digest: String, rulesDigest: String, limitsDigest: String) throws -> (id: Int64, location: String)? {
        try guarded("looking up a digest") {
            try queue.read { db in
                try Row.fetchOne(db, sql: """
                    SELECT o.id, o.location FROM objects o JOIN runs r ON r.id = o.last_scanned_run
                    WHERE o.content_digest = ? AND o.status = 'complete' AND o.stale = 0
                      AND r.rules_digest = ? AND r.limits_digest = ? LIMIT 1
                    """, arguments: [digest, rulesDigest, limitsDigest]).map { ($0["id"], $0["location"]) }
            }
        }
    }

    /// Sizes of complete objects with a content digest under these rules and limits: only a
    /// new or changed file of one of these sizes can have content already scanned elsewhere.
    public func digestSizes(rulesDigest: String, limitsDigest: String) throws -> Set<UInt64> {
        try guarded("loading digests") {
            try queue.read { db in
                Set(try Int64.fetchAll(db, sql: """
                    SELECT DISTINCT o.size FROM objects o JOIN runs r ON r.id = o.last_scanned_run
                    WHERE o.content_digest IS NOT NULL AND o.status = 'complete' AND o.stale = 0
                      AND r.rules_digest = ? AND r.limits_digest = ? AND o.size IS NOT NULL
                    """, arguments: [rulesDigest, limitsDigest]).map { UInt64(bitPattern: $0) })
            }
        }
    }

    /// Writes a batch in one transaction: each object's row, findings and status together,
    /// and `last_seen_run` for objects replayed unchanged.
    public func write(run: Int64, objects: [ObjectRecord], seenIDs: [Int64] = []) throws {
        guard !objects.isEmpty || !seenIDs.isEmpty else { return }
        try guarded("recording objects") {
            try queue.write { db in
                for o in objects { try ObjectWriter.write(o, run: run, db: db) }
                try InventoryStore.markSeen(seenIDs, run: run, db: db)
            }
        }
    }

    /// Sets `last_seen_run` of objects replayed unchanged.
    static func markSeen(_ ids: [Int64], run: Int64, db: Database) throws {
        var i = 0
        while i < ids.count {
            let list = ids[i..<min(i + 500, ids.count)].map(String.init).joined(separator: ",")
            try db.execute(sql: "INSERT OR REPLACE INTO object_seen(object_id, last_seen_run) SELECT id, ? FROM objects WHERE id IN (\(list))", arguments: [run])
            i += 500
        }
    }

    /// Marks objects that were in flight when an earlier run died: `crashed` ones (the
    /// process died of a fault inside them) become `error(crashed)`; the others count an
    /// attempt, and become `error(crashed)` after `crashAttempts` runs died inside them.
    public func recordInflight(_ entries: [InflightJournal.Entry], crashAttempts: Int = 2) throws {
        guard !entries.isEmpty else { return }
        try guarded("recording crashed objects") {
            try queue.write { db in
                for e in entries {
                    let row = try Row.fetchOne(db, sql: "SELECT id, attempts FROM objects WHERE location = ?", arguments: [e.location])
                    let attempts = ((row?["attempts"] as Int?) ?? 0) + 1
                    let crashed = e.crashed || attempts >= crashAttempts
                    if let id: Int64 = row?["id"] {
                        if crashed {
                            try db.execute(sql: """
                                UPDATE objects SET status = 'error', reason = 'crashed', attempts = ?, stale = (finding_count > 0),
                                  device = ?, inode = ?, size = ?, mtime_ns = ? WHERE id = ?
                                """, arguments: [attempts, Int64(bitPattern: e.device), Int64(bitPattern: e.inode), Int64(bitPattern: e.size), e.mtimeNs, id])
                        } else {
                            try db.execute(sql: "UPDATE objects SET attempts = ? WHERE id = ?", arguments: [attempts, id])
                        }
                    } else {
                        try db.execute(sql: """
                            INSERT INTO objects(location, root, device, inode, size, mtime_ns, status, reason, attempts)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """, arguments: [e.location, e.root, Int64(bitPattern: e.device), Int64(bitPattern: e.inode),
                                             Int64(bitPattern: e.size), e.mtimeNs, "error",
                                             crashed ? "crashed" : "interrupted", attempts])
                    }
                }
            }
        }
    }
}

/// Wall-clock nanoseconds.
enum Clock {
    static func nowNs() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }
}
