import GRDB
import ScanCore

/// Writes one object's row and reconciles its findings, inside the caller's transaction.
///
/// Findings are never deleted: a finding that is gone gets `removed_run`, a new one gets
/// `first_run`, so the state at the end of any run can be rebuilt (`trawl diff`). Only a
/// `complete` scan removes findings; a partial scan adds what it found and keeps the rest;
/// an object that could not be read keeps all its findings, marked stale.
enum ObjectWriter {
    static func write(_ o: ObjectRecord, run: Int64, db: Database) throws {
        let existing = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM objects WHERE location = ?"), arguments: [o.location])
        let old: [(Int64, StoredFinding)] = try existing.map { try InventoryStore.liveFindings(db, objectID: $0) } ?? []
        var oldByKey: [String: (Int64, StoredFinding)] = [:]
        for (id, f) in old { oldByKey[f.key] = (id, f) }

        let keepsOld: Bool
        let insertsNew: Bool
        switch o.status {
        case .complete: keepsOld = false; insertsNew = true
        case .partial: keepsOld = true; insertsNew = true
        case .skipped, .error: keepsOld = true; insertsNew = false
        }
        var toInsert: [StoredFinding] = []
        var toRemove: [Int64] = []
        var matched = Set<String>()
        if insertsNew {
            for f in o.findings {
                if let (id, prev) = oldByKey[f.key] {
                    matched.insert(f.key)
                    if prev != f { toRemove.append(id); toInsert.append(f) }
                } else {
                    toInsert.append(f)
                }
            }
        }
        if !keepsOld {
            for (id, f) in old where !matched.contains(f.key) { toRemove.append(id) }
        }
        let live = old.count - toRemove.count + toInsert.count
        let stale = keepsOld && (old.count - matched.count) > 0 || (o.status.name == "error" && !old.isEmpty)

        let args: StatementArguments = [
            o.location, o.root, o.device.map { Int64(bitPattern: $0) }, o.inode.map { Int64(bitPattern: $0) },
            o.size.map { Int64(bitPattern: $0) }, o.mtimeNs, o.contentDigest, o.status.name, o.status.reason,
            stale, o.rescan, live, run,
        ]
        let id = try Int64.fetchOne(db.cachedStatement(sql: """
            INSERT INTO objects(location, root, device, inode, size, mtime_ns, content_digest, status, reason,
                                stale, rescan, attempts, finding_count, last_scanned_run)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
            ON CONFLICT(location) DO UPDATE SET
              root = excluded.root, device = excluded.device, inode = excluded.inode, size = excluded.size,
              mtime_ns = excluded.mtime_ns, content_digest = excluded.content_digest, status = excluded.status,
              reason = excluded.reason, stale = excluded.stale, rescan = excluded.rescan, attempts = 0,
              finding_count = excluded.finding_count, last_scanned_run = excluded.last_scanned_run
            RETURNING id
            """), arguments: args)!
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO object_seen(object_id, last_seen_run) VALUES (?, ?)").execute(arguments: [id, run])
        if !toRemove.isEmpty {
            let remove = try db.cachedStatement(sql: "UPDATE findings SET removed_run = ? WHERE id = ?")
            for fid in toRemove { try remove.execute(arguments: [run, fid]) }
        }
        if !toInsert.isEmpty {
            let insert = try db.cachedStatement(sql: """
                INSERT INTO findings(object_id, location, kind, detector, category, confidence, line, page,
                                     member_start, member_end, masked, fingerprint, count, first_run)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for f in toInsert {
                try insert.execute(arguments: [id, f.location, f.kind, f.detector, f.category, f.confidence, f.line, f.page,
                                               f.memberStart, f.memberEnd, f.masked, f.fingerprint, f.count, run])
            }
        }
    }
}
