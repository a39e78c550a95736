import Foundation
import GRDB

/// What the end of a run decided about deletions, per root.
public struct DeletionReport: Sendable {
    /// Objects marked deleted, by root.
    public var deleted: [String: Int] = [:]
    /// Roots whose deletions were held back, with the reason.
    public var held: [String: String] = [:]
}

extension InventoryStore {
    /// Ends a complete run: for each root whose walk completed, marks objects not seen as
    /// deleted (their findings removed) unless a safety rule holds them back, records the
    /// roots, and sets the run `complete`, all in one transaction.
    ///
    /// An object seen this run needs no write: the root's sweep (its `run_roots` row) says
    /// so. Only objects not seen (normally a handful) get their last seen run pinned in
    /// `object_seen`, and pins of objects seen again are lifted.
    /// `known` is the index loaded at the start of the run, with the objects the walk met
    /// marked seen.
    public func finishRun(_ run: Int64, roots: [RootOutcome], known: KnownObjectIndex,
                          confirmMassDelete: Bool) throws -> DeletionReport {
        var report = DeletionReport()
        // Known objects not walked this run, and the count of known objects, per root.
        var unseenByRoot: [String: [(String, Int64)]] = [:]
        var knownCount = [Int](repeating: 0, count: known.roots.count)
        for n in 0..<known.count {
            let r = known.rootIndex(at: n)
            knownCount[r] += 1
            if !known.wasSeen(n) { unseenByRoot[known.roots[r], default: []].append((known.location(at: n), known.id(at: n))) }
        }
        var countByRoot: [String: Int] = [:]
        for (i, r) in known.roots.enumerated() { countByRoot[r, default: 0] += knownCount[i] }
        try guarded("finishing the run") {
            try queue.write { db in
                for r in roots {
                    var deletions = 0
                    var held: String?
                    let sweep = r.walkComplete && r.error == nil
                    let unseen = unseenByRoot[r.root] ?? []
                    if sweep {
                        try InventoryStore.pinUnseen(unseen.map { $0.1 }, root: r.root, run: run, db: db)
                        let previous = try Row.fetchOne(db, sql: """
                            SELECT device, inode FROM run_roots WHERE root = ? AND walk_complete = 1 AND run_id < ? ORDER BY run_id DESC LIMIT 1
                            """, arguments: [r.root, run])
                        let candidates = unseen.filter { loc, _ in
                            !r.unwalked.contains { loc == $0 || loc.hasPrefix($0 + "/") || loc.hasPrefix($0 + "!/") }
                        }
                        let count = countByRoot[r.root] ?? 0
                        if candidates.isEmpty {
                            held = nil
                        } else if let previous, (previous["device"] as Int64?) != r.device.map({ Int64(bitPattern: $0) }) || (previous["inode"] as Int64?) != r.inode.map({ Int64(bitPattern: $0) }) {
                            held = "root device/inode changed since the last complete walk"
                        } else if r.seenCount == 0 {
                            held = "root is empty"
                        } else if Double(candidates.count) >= Double(count) * InventoryStore.massDeleteShare && !confirmMassDelete {
                            held = "\(candidates.count) of \(count) objects disappeared (at least \(Int(InventoryStore.massDeleteShare * 100)) %); rerun with --confirm-mass-delete if that is right"
                        } else {
                            let markObject = try db.cachedStatement(sql: "UPDATE objects SET status = 'deleted', reason = NULL, finding_count = 0, stale = 0 WHERE id = ?")
                            let removeFindings = try db.cachedStatement(sql: "UPDATE findings SET removed_run = ? WHERE object_id = ? AND removed_run IS NULL")
                            for (_, id) in candidates {
                                try markObject.execute(arguments: [id])
                                try removeFindings.execute(arguments: [run, id])
                            }
                            deletions = candidates.count
                        }
                    }
                    if deletions > 0 { report.deleted[r.root] = deletions }
                    if let held { report.held[r.root] = held }
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO run_roots(run_id, root, device, inode, walk_complete, error, deletions, deletions_held)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [run, r.root, r.device.map { Int64(bitPattern: $0) }, r.inode.map { Int64(bitPattern: $0) },
                                         sweep, r.error, deletions, held != nil])
                }
                try db.execute(sql: "UPDATE runs SET status = 'complete', finished_ns = ? WHERE id = ?", arguments: [Clock.nowNs(), run])
            }
        }
        return report
    }

    /// Before a sweep of `root` by `run` is recorded: lifts the pins of objects of the root
    /// seen again, and pins each object not seen (`unseen`) at the last run that saw it.
    static func pinUnseen(_ unseen: [Int64], root: String, run: Int64, db: Database) throws {
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS unseen(id INTEGER PRIMARY KEY)")
        try db.execute(sql: "DELETE FROM temp.unseen")
        let add = try db.cachedStatement(sql: "INSERT INTO temp.unseen(id) VALUES (?)")
        for id in unseen { try add.execute(arguments: [id]) }
        // Seen again: the sweep being recorded covers them.
        try db.execute(sql: """
            UPDATE object_seen SET missed = 0, last_seen_run = ?
            WHERE missed = 1 AND object_id NOT IN (SELECT id FROM temp.unseen)
              AND EXISTS (SELECT 1 FROM objects o WHERE o.id = object_seen.object_id AND o.root = ? AND o.status != 'deleted')
            """, arguments: [run, root])
        guard !unseen.isEmpty else { return }
        // Not seen: pin the last run that saw them, read before this sweep exists.
        let previousSweep = try Int64.fetchOne(db, sql: """
            SELECT max(run_id) FROM run_roots WHERE root = ? AND walk_complete = 1 AND run_id < ?
            """, arguments: [root, run]) ?? 0
        try db.execute(sql: """
            INSERT INTO object_seen(object_id, last_seen_run, missed)
            SELECT u.id, max(coalesce(s.last_seen_run, 0), ?), 1
            FROM temp.unseen u LEFT JOIN object_seen s ON s.object_id = u.id
            WHERE coalesce(s.missed, 0) = 0 AND max(coalesce(s.last_seen_run, 0), ?) > 0
            ON CONFLICT(object_id) DO UPDATE SET last_seen_run = excluded.last_seen_run, missed = 1
            """, arguments: [previousSweep, previousSweep])
    }

    /// Keys (`StoredFinding.key`) of the findings live at the end of `run`.
    public func findingKeys(liveAt run: Int64) throws -> Set<String> {
        try guarded("reading findings") {
            try queue.read { db in
                var keys = Set<String>()
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT location, detector, fingerprint, line FROM findings
                    WHERE first_run <= ? AND (removed_run IS NULL OR removed_run > ?)
                    """, arguments: [run, run])
                while let r = try rows.next() {
                    let line: Int? = r["line"]
                    keys.insert("\(r["location"] as String)\u{1}\(r["detector"] as String)\u{1}\(r["fingerprint"] as String)\u{1}\(line ?? 0)")
                }
                return keys
            }
        }
    }
}
