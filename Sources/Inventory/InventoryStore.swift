import Foundation
import GRDB
import GRDBSQLite
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
    ///
    /// Every run loads all of them before the walk, so this steps the SQLite statement
    /// directly into a `KnownObjectIndex` instead of building GRDB rows and strings.
    public func knownObjects(roots: [String]) throws -> KnownObjectIndex {
        try guarded("loading objects") {
            try queue.read { db in
                let index = KnownObjectIndex(roots: roots)
                let total = try Int.fetchOne(db, sql: "SELECT max(id) FROM objects") ?? 0
                let countRoot = try db.makeStatement(sql: "SELECT count(*) FROM objects WHERE root = ?")
                var under = 0
                for root in roots { under += try Int.fetchOne(countRoot, arguments: [root]) ?? 0 }
                index.reserve(under)
                // When one root holds most of the inventory (the usual nightly refresh), a pass
                // over the table beats a seek per row through the root index.
                // Plain columns, read with one API call each: expressions in the query (NULL
                // tests, the status as a number) cost the virtual machine a third more than
                // testing the same things here. The status is told by its first letter
                // (the CHECK constraint allows complete, partial, skipped, error, deleted).
                let statement = try db.makeStatement(sql: """
                    SELECT id, location, device, inode, size, mtime_ns, last_scanned_run, rescan, status,
                           finding_count, attempts, reason
                    FROM objects \(roots.count == 1 && under * 3 >= total ? "NOT INDEXED" : "") WHERE root = ?
                    """)
                let raw = statement.sqliteStatement
                for (n, root) in roots.enumerated() {
                    try statement.setArguments([root])
                    defer { sqlite3_reset(raw) }
                    while try RawColumns.step(raw, db) {
                        let status: UInt8
                        switch sqlite3_column_text(raw, 8)?.pointee {
                        case UInt8(ascii: "c"): status = KnownObjectIndex.complete
                        case UInt8(ascii: "p"): status = KnownObjectIndex.partial
                        case UInt8(ascii: "s"): status = KnownObjectIndex.skipped
                        case UInt8(ascii: "e"): status = KnownObjectIndex.error
                        case UInt8(ascii: "d"): continue     // deleted: not known any more
                        default: status = UInt8(KnownObjectIndex.statusNames.count)   // unknown
                        }
                        // Bit k: column 2 + k (device, inode, size, mtime, scanned run) is NULL.
                        var nulls: UInt8 = 0
                        for k in 0..<5 where sqlite3_column_type(raw, Int32(2 + k)) == SQLITE_NULL { nulls |= 1 << UInt8(k) }
                        index.append(id: sqlite3_column_int64(raw, 0), location: RawColumns.bytes(raw, 1), root: n,
                                     device: sqlite3_column_int64(raw, 2), inode: sqlite3_column_int64(raw, 3),
                                     size: sqlite3_column_int64(raw, 4), mtimeNs: sqlite3_column_int64(raw, 5),
                                     scannedRun: sqlite3_column_int64(raw, 6), nulls: nulls,
                                     rescan: sqlite3_column_int64(raw, 7) != 0, status: status,
                                     findingCount: Int(sqlite3_column_int64(raw, 9)), attempts: Int(sqlite3_column_int64(raw, 10)),
                                     reason: status == KnownObjectIndex.complete ? nil : RawColumns.text(raw, 11))
                    }
                }
                index.finishLoading()
                return index
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

    /// Whether a run with these rules completed (its rule packs loaded).
    public func hasCompleteRun(rulesDigest: String) throws -> Bool {
        try guarded("reading runs") {
            try queue.read { db in
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM runs WHERE rules_digest = ? AND status = 'complete')", arguments: [rulesDigest]) ?? false
            }
        }
    }

    /// The live findings of every object of `roots`, by object id, in the order found; nil
    /// when there are more than `limit` (the caller then reads them object by object).
    /// (Live findings are far fewer than objects: the join is driven from them.)
    public func liveFindingsByObject(roots: [String], limit: Int) throws -> [Int64: [StoredFinding]]? {
        try guarded("loading findings") {
            try queue.read { db in
                var out: [Int64: [StoredFinding]] = [:]
                var n = 0
                // Stepped directly, like `knownObjects`; kinds, detectors, categories and the
                // location of consecutive findings of one object repeat, so their strings are
                // shared rather than made per row.
                let statement = try db.makeStatement(sql: """
                    SELECT f.object_id, f.location, f.kind, f.detector, f.category, f.confidence, f.line, f.page, f.member_start,
                           f.member_end, f.masked, f.fingerprint, f.count
                    FROM findings f CROSS JOIN objects o ON o.id = f.object_id
                    WHERE f.removed_run IS NULL AND o.root = ? AND o.status != 'deleted'
                    ORDER BY f.id
                    """)
                let raw = statement.sqliteStatement
                var kinds = RawColumns.Interner(), detectors = RawColumns.Interner(), categories = RawColumns.Interner()
                var lastLocation = RawColumns.Interner(capacity: 1)
                for root in roots {
                    try statement.setArguments([root])
                    defer { sqlite3_reset(raw) }
                    while try RawColumns.step(raw, db) {
                        n += 1
                        if n > limit { return nil }
                        out[sqlite3_column_int64(raw, 0), default: []].append(StoredFinding(
                            location: lastLocation.string(RawColumns.bytes(raw, 1)), kind: kinds.string(RawColumns.bytes(raw, 2)),
                            detector: detectors.string(RawColumns.bytes(raw, 3)), category: categories.string(RawColumns.bytes(raw, 4)),
                            confidence: sqlite3_column_double(raw, 5),
                            line: RawColumns.int64(raw, 6).map(Int.init), page: RawColumns.int64(raw, 7).map(Int.init),
                            memberStart: RawColumns.int64(raw, 8), memberEnd: RawColumns.int64(raw, 9),
                            masked: RawColumns.text(raw, 10) ?? "", fingerprint: RawColumns.text(raw, 11) ?? "",
                            count: Int(sqlite3_column_int64(raw, 12))))
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

    /// Writes a batch in one transaction: each object's row, findings and status together.
    public func write(run: Int64, objects: [ObjectRecord]) throws {
        guard !objects.isEmpty else { return }
        try guarded("recording objects") {
            try queue.write { db in
                for o in objects { try ObjectWriter.write(o, run: run, db: db) }
            }
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

/// Column reads on a stepped SQLite statement (for the per-run bulk loads).
enum RawColumns {
    /// Steps the statement: true for a row, false when done; throws the database's error.
    static func step(_ s: OpaquePointer, _ db: Database) throws -> Bool {
        let rc = sqlite3_step(s)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }

    static func int64(_ s: OpaquePointer, _ i: Int32) -> Int64? {
        sqlite3_column_type(s, i) == SQLITE_NULL ? nil : sqlite3_column_int64(s, i)
    }

    static func text(_ s: OpaquePointer, _ i: Int32) -> String? {
        guard let p = sqlite3_column_text(s, i) else { return nil }
        let n = Int(sqlite3_column_bytes(s, i))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    /// Strings made once for text that repeats (kinds, detector ids): a short list of the
    /// distinct values seen, compared as bytes; beyond `capacity` the oldest is replaced.
    struct Interner {
        private var entries: [([UInt8], String)] = []
        private let capacity: Int
        init(capacity: Int = 256) { self.capacity = capacity }

        mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            for (key, value) in entries where key.count == bytes.count
                && (bytes.isEmpty || key.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
                return value
            }
            let value = String(decoding: bytes, as: UTF8.self)
            if entries.count >= capacity { entries.removeFirst() }
            entries.append((Array(bytes), value))
            return value
        }
    }

    /// The bytes of a text column (valid until the statement steps again).
    static func bytes(_ s: OpaquePointer, _ i: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let p = sqlite3_column_text(s, i) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, i)))
    }
}
